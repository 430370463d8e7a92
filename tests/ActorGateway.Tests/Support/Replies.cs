using ActorGateway.Protocol.Messages;

namespace ActorGateway.Tests.Support;

/// <summary>Small factories for the messages tests send and expect.</summary>
internal static class Replies
{
    public static ProtoOAExecutionEvent Execution(long accountId, ProtoOAExecutionType type) =>
        new() { CtidTraderAccountId = accountId, ExecutionType = type };

    public static ProtoOANewOrderReq MarketOrder(long accountId) => new()
    {
        CtidTraderAccountId = accountId,
        SymbolId = 1,
        OrderType = ProtoOAOrderType.Market,
        TradeSide = ProtoOATradeSide.Buy,
        Volume = 1000,
    };
}
