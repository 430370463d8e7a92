namespace ActorGateway.Hocon.Resolution;

/// <summary>A fully resolved value: text (or null), a list or a map.</summary>
internal abstract record HoconValue;
