using ActorGateway.Protocol.Messages;

namespace ActorGateway.Trading;

/// <summary>Reads an order's state from what the server says of it.</summary>
internal static class OrderStates
{
    public static bool IsFinal(OrderState state) => state is not OrderState.Working;

    /// <summary>The state an execution event leaves the order in.</summary>
    public static OrderState Of(ProtoOAExecutionEvent e) => e.ExecutionType switch
    {
        ProtoOAExecutionType.OrderCancelRejected => OrderState.Rejected,
        ProtoOAExecutionType.OrderRejected => OrderState.Rejected,
        _ => e.Order is { } order ? Of(order) : OrderState.Working,
    };

    /// <summary>The state an order's status says.</summary>
    public static OrderState Of(ProtoOAOrder order) => order.OrderStatus switch
    {
        ProtoOAOrderStatus.OrderStatusFilled => OrderState.Filled,
        ProtoOAOrderStatus.OrderStatusCancelled when order.ExecutedVolume > 0 => OrderState.PartiallyFilledThenCancelled,
        ProtoOAOrderStatus.OrderStatusCancelled => OrderState.Cancelled,
        ProtoOAOrderStatus.OrderStatusRejected => OrderState.Rejected,
        ProtoOAOrderStatus.OrderStatusExpired => OrderState.Expired,
        _ => OrderState.Working,
    };
}
