using ActorGateway.Protocol.Messages;

namespace ActorGateway.Simulator.Tests.Support;

/// <summary>Order requests on EURUSD (symbol 1, 5 digits, volume step 100,000 = 1,000 units) for account 1001.</summary>
internal static class Orders
{
    public const long EurUsd = 1;
    public const long MinVolume = 100_000;

    public static ProtoOANewOrderReq MarketOrder(ProtoOATradeSide side = ProtoOATradeSide.Buy, long volume = MinVolume,
        long symbolId = EurUsd) => new()
    {
        CtidTraderAccountId = SimulatorHost.Demo1, SymbolId = symbolId, OrderType = ProtoOAOrderType.Market, TradeSide = side,
            Volume = volume,
    };

    public static ProtoOANewOrderReq LimitOrder(double price, ProtoOATradeSide side = ProtoOATradeSide.Buy) => new()
    {
        CtidTraderAccountId = SimulatorHost.Demo1, SymbolId = EurUsd, OrderType = ProtoOAOrderType.Limit, TradeSide = side,
            Volume = MinVolume,
        LimitPrice = price,
    };

    public static ProtoOAClosePositionReq CloseRequest(long positionId, long volume) =>
        new() { CtidTraderAccountId = SimulatorHost.Demo1, PositionId = positionId, Volume = volume };

    /// <summary>Places a market order and returns its fill.</summary>
    public static async Task<ProtoOAExecutionEvent> FilledAsync(RawClient client, ProtoOANewOrderReq order, string id = "open")
    {
        await client.SendAsync(order, id);
        await client.ExpectAsync<ProtoOAExecutionEvent>(id);
        var fill = await client.ExpectAsync<ProtoOAExecutionEvent>(id);
        await client.ExpectAsync<ProtoOAMarginChangedEvent>();
        return fill;
    }
}
