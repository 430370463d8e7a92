namespace ActorGateway.Simulator.Trading;

/// <summary>The id sequences of orders, positions and deals, shared by every account so ids never repeat.</summary>
internal sealed class TradeIds
{
    private long _lastOrderId = 10_000_000;
    private long _lastPositionId = 20_000_000;
    private long _lastDealId = 30_000_000;

    public long NextOrderId() => ++_lastOrderId;

    public long NextPositionId() => ++_lastPositionId;

    public long NextDealId() => ++_lastDealId;
}
