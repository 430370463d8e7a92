using ActorGateway.Protocol.Messages;

namespace ActorGateway.Simulator.Trading;

/// <summary>The events a trading request or a price move sends: executions, margin changes, order errors.</summary>
internal static class TradeEvents
{
    public static TradeOutcome Reject(Account account, ProtoOAErrorCode code, string description, long? orderId = null,
        long? positionId = null)
    {
        var error = new ProtoOAOrderErrorEvent { CtidTraderAccountId = account.Id, ErrorCode = Sessions.ErrorReplies.NameOf(code),
            Description = description };
        if (orderId is { } o) { error.OrderId = o; }
        if (positionId is { } p) { error.PositionId = p; }
        return TradeOutcome.Failed(error);
    }

    public static ProtoOAExecutionEvent Execution(Account account, ProtoOAExecutionType type, ProtoOAOrder? order = null,
        ProtoOAPosition? position = null, ProtoOADeal? deal = null, bool serverEvent = false)
    {
        var execution = new ProtoOAExecutionEvent { CtidTraderAccountId = account.Id, ExecutionType = type };
        if (order is not null) { execution.Order = order.Clone(); }
        if (position is not null) { execution.Position = position.Clone(); }
        if (deal is not null) { execution.Deal = deal.Clone(); }
        if (serverEvent) { execution.IsServerEvent = true; }
        return execution;
    }

    public static ProtoOAMarginChangedEvent MarginChanged(Account account, ProtoOAPosition position) => new()
    {
        CtidTraderAccountId = account.Id, PositionId = (ulong)position.PositionId, UsedMargin = position.UsedMargin,
        MoneyDigits = (uint)account.Options.MoneyDigits,
    };
}
