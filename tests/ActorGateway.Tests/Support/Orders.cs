using ActorGateway.Protocol.Messages;

namespace ActorGateway.Tests.Support;

/// <summary>Orders and their execution events as the server describes them, every required field set.</summary>
internal static class Orders
{
    public static ProtoOAOrder Order(long orderId, ProtoOAOrderStatus status, string? clientOrderId, long executedVolume = 0)
    {
        var order = new ProtoOAOrder
        {
            OrderId = orderId,
            OrderType = ProtoOAOrderType.Market,
            OrderStatus = status,
            ExecutedVolume = executedVolume,
            TradeData = new ProtoOATradeData { SymbolId = 1, Volume = 1000, TradeSide = ProtoOATradeSide.Buy },
        };
        if (clientOrderId is not null)
        {
            order.ClientOrderId = clientOrderId;
        }

        return order;
    }

    public static ProtoOAExecutionEvent Event(ProtoOAExecutionType type, ProtoOAOrder order) =>
        new() { CtidTraderAccountId = 1, ExecutionType = type, Order = order };
}
