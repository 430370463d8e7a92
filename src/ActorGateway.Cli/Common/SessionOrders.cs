using ActorGateway.Protocol.Messages;
using ActorGateway.Session;

namespace ActorGateway.Cli.Common;

/// <summary>
/// The trading requests the CLI sends, through the session (so the account is authorized first and the request waits
/// out a restore). Each ends on the first execution event answering it; fills come later as events.
/// </summary>
internal static class SessionOrders
{
    /// <param name="volume">Wire volume (see <see cref="Volume"/>).</param>
    public static Task<ProtoOAExecutionEvent> PlaceMarketAsync(this GatewaySession session, long accountId, long symbolId,
        ProtoOATradeSide side, long volume, CancellationToken cancellationToken) =>
        session.AskAsync<ProtoOAExecutionEvent>(Order(accountId, symbolId, ProtoOAOrderType.Market, side, volume),
            cancellationToken: cancellationToken);

    /// <param name="volume">Wire volume (see <see cref="Volume"/>).</param>
    public static Task<ProtoOAExecutionEvent> PlaceLimitAsync(this GatewaySession session, long accountId, long symbolId,
        ProtoOATradeSide side, long volume, double price, CancellationToken cancellationToken)
    {
        var order = Order(accountId, symbolId, ProtoOAOrderType.Limit, side, volume);
        order.LimitPrice = price;
        return session.AskAsync<ProtoOAExecutionEvent>(order, cancellationToken: cancellationToken);
    }

    /// <param name="volume">Wire volume to close (see <see cref="Volume"/>).</param>
    public static Task<ProtoOAExecutionEvent> ClosePositionAsync(this GatewaySession session, long accountId, long positionId,
        long volume, CancellationToken cancellationToken) =>
        session.AskAsync<ProtoOAExecutionEvent>(
            new ProtoOAClosePositionReq { CtidTraderAccountId = accountId, PositionId = positionId, Volume = volume },
            cancellationToken: cancellationToken);

    public static Task<ProtoOAExecutionEvent> CancelOrderAsync(this GatewaySession session, long accountId, long orderId,
        CancellationToken cancellationToken) =>
        session.AskAsync<ProtoOAExecutionEvent>(new ProtoOACancelOrderReq { CtidTraderAccountId = accountId, OrderId = orderId },
            cancellationToken: cancellationToken);

    private static ProtoOANewOrderReq Order(long accountId, long symbolId, ProtoOAOrderType type, ProtoOATradeSide side, long volume) =>
        new() { CtidTraderAccountId = accountId, SymbolId = symbolId, OrderType = type, TradeSide = side, Volume = volume };
}
