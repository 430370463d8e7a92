using ActorGateway.Protocol.Messages;

namespace ActorGateway;

/// <summary>
/// Typed trading calls. Each ends on the first <c>ProtoOAExecutionEvent</c> answering it (usually ORDER_ACCEPTED);
/// the later ones (fills) arrive as events. An order error ends it with a <see cref="GatewayRejectedException"/>. A
/// request that times out or loses its connection may still have been executed: reconcile before trying again.
/// </summary>
public static class GatewayTradingExtensions
{
    /// <summary>Places a market order; <paramref name="volume"/> is in hundredths of a unit (1000 = 10.00).</summary>
    public static Task<ProtoOAExecutionEvent> PlaceMarketOrderAsync(this IGatewayRequester client, long accountId, long symbolId,
        ProtoOATradeSide side, long volume, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        client.PlaceOrderAsync(Order(accountId, symbolId, ProtoOAOrderType.Market, side, volume), timeout, cancellationToken);

    /// <summary>Places a limit order at <paramref name="limitPrice"/>.</summary>
    public static Task<ProtoOAExecutionEvent> PlaceLimitOrderAsync(this IGatewayRequester client, long accountId, long symbolId,
        ProtoOATradeSide side, long volume, double limitPrice, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var order = Order(accountId, symbolId, ProtoOAOrderType.Limit, side, volume);
        order.LimitPrice = limitPrice;
        return client.PlaceOrderAsync(order, timeout, cancellationToken);
    }

    /// <summary>Places a stop order at <paramref name="stopPrice"/>.</summary>
    public static Task<ProtoOAExecutionEvent> PlaceStopOrderAsync(this IGatewayRequester client, long accountId, long symbolId,
        ProtoOATradeSide side, long volume, double stopPrice, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var order = Order(accountId, symbolId, ProtoOAOrderType.Stop, side, volume);
        order.StopPrice = stopPrice;
        return client.PlaceOrderAsync(order, timeout, cancellationToken);
    }

    /// <summary>Places an order described in full (stop loss, take profit, label, client order id...).</summary>
    public static Task<ProtoOAExecutionEvent> PlaceOrderAsync(this IGatewayRequester client, ProtoOANewOrderReq order,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        GatewayClientExtensions.Client(client).AskAsync<ProtoOAExecutionEvent>(order, timeout, cancellationToken);

    /// <summary>Cancels a pending order.</summary>
    public static Task<ProtoOAExecutionEvent> CancelOrderAsync(this IGatewayRequester client, long accountId, long orderId,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        GatewayClientExtensions.Client(client).AskAsync<ProtoOAExecutionEvent>(
            new ProtoOACancelOrderReq { CtidTraderAccountId = accountId, OrderId = orderId }, timeout, cancellationToken);

    /// <summary>Amends a pending order; <paramref name="change"/> sets the fields to change (volume, prices...).</summary>
    public static Task<ProtoOAExecutionEvent> AmendOrderAsync(this IGatewayRequester client, long accountId, long orderId,
        Action<ProtoOAAmendOrderReq> change, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var amend = new ProtoOAAmendOrderReq { CtidTraderAccountId = accountId, OrderId = orderId };
        change(amend);
        return GatewayClientExtensions.Client(client).AskAsync<ProtoOAExecutionEvent>(amend, timeout, cancellationToken);
    }

    /// <summary>Sets or clears a position's stop loss and take profit (null clears).</summary>
    public static Task<ProtoOAExecutionEvent> AmendPositionProtectionAsync(this IGatewayRequester client, long accountId, long positionId,
        double? stopLoss, double? takeProfit, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var amend = new ProtoOAAmendPositionSLTPReq { CtidTraderAccountId = accountId, PositionId = positionId };
        if (stopLoss is { } sl)
        {
            amend.StopLoss = sl;
        }

        if (takeProfit is { } tp)
        {
            amend.TakeProfit = tp;
        }

        return GatewayClientExtensions.Client(client).AskAsync<ProtoOAExecutionEvent>(amend, timeout, cancellationToken);
    }

    /// <summary>Closes <paramref name="volume"/> (hundredths of a unit) of a position, all of it or part.</summary>
    public static Task<ProtoOAExecutionEvent> ClosePositionAsync(this IGatewayRequester client, long accountId, long positionId, long volume,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        GatewayClientExtensions.Client(client).AskAsync<ProtoOAExecutionEvent>(
            new ProtoOAClosePositionReq { CtidTraderAccountId = accountId, PositionId = positionId, Volume = volume },
            timeout, cancellationToken);

    private static ProtoOANewOrderReq Order(long accountId, long symbolId, ProtoOAOrderType type, ProtoOATradeSide side,
        long volume) => new()
    {
        CtidTraderAccountId = accountId,
        SymbolId = symbolId,
        OrderType = type,
        TradeSide = side,
        Volume = volume,
    };
}
