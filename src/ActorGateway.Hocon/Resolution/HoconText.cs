namespace ActorGateway.Hocon.Resolution;

/// <summary>
/// A string, number or boolean as text; null for HOCON's <c>null</c>. <see cref="Literal"/> text came (at least partly)
/// from quotes and is never converted as a duration or size.
/// </summary>
internal sealed record HoconText(string? Text, bool Literal) : HoconValue;
