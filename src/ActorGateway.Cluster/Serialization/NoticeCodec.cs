using ActorGateway.Cluster.Wire;
using ActorGateway.Publishing;

namespace ActorGateway.Cluster.Serialization;

/// <summary>
/// The core's <see cref="GatewayNotice"/>s to and from <see cref="NoticeData"/>: each kind by name with its own fields, a
/// failure through <see cref="FailureCodec"/> (type and fields, never a stack trace or an inner exception's text).
/// </summary>
internal static class NoticeCodec
{
    private const string Lost = "events_lost";
    private const string Established = "connection_established";
    private const string ConnectionGone = "connection_lost";
    private const string Restored = "session_restored";
    private const string Reconciled = "account_reconciled";
    private const string Disconnected = "account_disconnected";
    private const string TokenInvalidated = "account_token_invalidated";
    private const string Unavailable = "account_unavailable";

    public static NoticeData Encode(GatewayNotice notice)
    {
        switch (notice)
        {
            case EventsLost lost:
                var data = new NoticeData { Kind = Lost, GapReason = lost.Reason.ToString() };
                if (lost.Count is { } count)
                {
                    data.Count = count;
                }

                return data;
            case ConnectionEstablished up:
                return new NoticeData { Kind = Established, Host = up.Endpoint.Host, Port = up.Endpoint.Port };
            case ConnectionLost down:
                return new NoticeData
                {
                    Kind = ConnectionGone, Host = down.Endpoint.Host, Port = down.Endpoint.Port, Failure = FailureCodec.Encode(down.Reason),
                };
            case SessionRestored restored:
                return new NoticeData { Kind = Restored, Reconnects = restored.Reconnects };
            case AccountReconciled reconciled:
                return new NoticeData { Kind = Reconciled, AccountId = reconciled.AccountId, Snapshot = reconciled.Snapshot };
            case AccountDisconnected disconnected:
                return new NoticeData { Kind = Disconnected, AccountId = disconnected.AccountId };
            case AccountTokenInvalidated invalidated:
                return new NoticeData
                {
                    Kind = TokenInvalidated, AccountIds = { invalidated.AccountIds }, Reason = invalidated.Reason, Refreshing = invalidated.Refreshing,
                };
            case AccountUnavailable unavailable:
                return new NoticeData { Kind = Unavailable, AccountId = unavailable.AccountId, Failure = FailureCodec.Encode(unavailable.Error) };
            default:
                // A notice of a newer core: its receiver reads it as a gap, which is what any unknown notice may mean.
                return new NoticeData { Kind = notice.GetType().Name };
        }
    }

    public static GatewayNotice Decode(NoticeData data) => data.Kind switch
    {
        Lost => new EventsLost(data.HasCount ? data.Count : null, Reason(data.GapReason)),
        Established => new ConnectionEstablished(new GatewayEndpoint(data.Host, data.Port)),
        ConnectionGone => new ConnectionLost(new GatewayEndpoint(data.Host, data.Port), ConnectionFailure(data.Failure)),
        Restored => new SessionRestored(data.Reconnects),
        Reconciled => new AccountReconciled(data.AccountId, data.Snapshot ?? new Protocol.Messages.ProtoOAReconcileRes { CtidTraderAccountId = data.AccountId }),
        Disconnected => new AccountDisconnected(data.AccountId),
        TokenInvalidated => new AccountTokenInvalidated([.. data.AccountIds], data.Reason, data.Refreshing),
        Unavailable => new AccountUnavailable(data.AccountId, Failure(data.Failure)),
        _ => new EventsLost(null, GapReason.Reconnect),
    };

    // A reason this node does not know (a newer peer's) reads as a reconnect: events may be missing, nothing more is claimed.
    private static GapReason Reason(string name) => Enum.TryParse<GapReason>(name, out var reason) ? reason : GapReason.Reconnect;

    private static GatewayException Failure(RequestFailedData? data) =>
        data is null ? new GatewayConnectionException(ConnectionFailureKind.Faulted, "The account's node gave no reason.") : FailureCodec.Decode(data);

    private static GatewayConnectionException ConnectionFailure(RequestFailedData? data) =>
        Failure(data) as GatewayConnectionException ?? new GatewayConnectionException(ConnectionFailureKind.Faulted, data?.Message ?? "The connection was lost.");
}
