namespace ActorGateway.Hocon.Resolution;

internal sealed record HoconList(IReadOnlyList<HoconValue> Items) : HoconValue;
