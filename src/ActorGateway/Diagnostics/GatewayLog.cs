using Microsoft.Extensions.Logging;

namespace ActorGateway.Diagnostics;

/// <summary>
/// Every log message of the gateway core, and so the one table of its event ids. Ids and method names are stable:
/// users filter on them, so renaming one is a breaking change. No message ever carries a payload's fields above Trace.
/// </summary>
internal static partial class GatewayLog
{
    [LoggerMessage(1001, LogLevel.Debug, "Connecting to {Endpoint} (attempt {Attempt})")]
    public static partial void Connecting(this ILogger logger, GatewayEndpoint endpoint, int attempt);

    [LoggerMessage(1002, LogLevel.Information, "Connected to {Endpoint}")]
    public static partial void Connected(this ILogger logger, GatewayEndpoint endpoint);

    [LoggerMessage(1003, LogLevel.Warning, "Connecting to {Endpoint} failed ({Kind}): {Reason}")]
    public static partial void ConnectFailed(this ILogger logger, GatewayEndpoint endpoint, ConnectionFailureKind kind, string reason);

    [LoggerMessage(1004, LogLevel.Information, "Disconnected from {Endpoint} ({Kind}): {Reason}")]
    public static partial void Disconnected(this ILogger logger, GatewayEndpoint endpoint, ConnectionFailureKind kind, string reason);

    [LoggerMessage(1005, LogLevel.Debug, "Next connection attempt in {Delay} after {Failures} failures")]
    public static partial void ReconnectScheduled(this ILogger logger, TimeSpan delay, int failures);

    [LoggerMessage(1006, LogLevel.Warning, "Gave up connecting after {Failures} failures")]
    public static partial void ReconnectAbandoned(this ILogger logger, int failures);

    [LoggerMessage(1007, LogLevel.Debug, "Dropped reply {PayloadType} to request {ClientMsgId}, which had already ended")]
    public static partial void LateReplyDropped(this ILogger logger, uint payloadType, string clientMsgId);

    [LoggerMessage(1008, LogLevel.Warning, "Could not decode a {PayloadType} message (clientMsgId {ClientMsgId})")]
    public static partial void PayloadRejected(this ILogger logger, uint? payloadType, string? clientMsgId, Exception error);

    [LoggerMessage(1009, LogLevel.Trace, "Received {PayloadType} (clientMsgId {ClientMsgId})")]
    public static partial void FrameReceived(this ILogger logger, uint payloadType, string? clientMsgId);

    [LoggerMessage(1010, LogLevel.Trace, "Sent a heartbeat")]
    public static partial void HeartbeatSent(this ILogger logger);

    [LoggerMessage(1011, LogLevel.Error, "The connection actor failed handling {Message}")]
    public static partial void ActorFault(this ILogger logger, string message, Exception error);

    [LoggerMessage(1012, LogLevel.Error, "A {Event} handler threw; the connection is not affected")]
    public static partial void HandlerFailed(this ILogger logger, string @event, Exception error);

    [LoggerMessage(1013, LogLevel.Warning, "The event queue is full: dropped {Event} ({Dropped} dropped so far)")]
    public static partial void EventDropped(this ILogger logger, string @event, long dropped);

    [LoggerMessage(1014, LogLevel.Debug, "Request {PayloadType} could not be encoded: {Reason}")]
    public static partial void RequestNotEncodable(this ILogger logger, uint payloadType, string reason);

    [LoggerMessage(1015, LogLevel.Warning, "A {Event} subscriber's queue is full: dropping events ({Dropped} dropped so far)")]
    public static partial void SubscriberOverflow(this ILogger logger, string @event, long dropped);

    [LoggerMessage(1016, LogLevel.Warning, "A {Event} subscriber's callback threw; other subscribers and the connection are not affected")]
    public static partial void SubscriberCallbackFailed(this ILogger logger, string @event, Exception error);

    [LoggerMessage(1017, LogLevel.Warning,
        "Listening to market data of account {AccountId} symbol {SymbolId}, which the session never subscribed to: nothing will arrive")]
    public static partial void MarketDataNotSubscribed(this ILogger logger, long accountId, long symbolId);

    [LoggerMessage(1020, LogLevel.Debug, "Restoring the session on connection {Epoch}: {Accounts} accounts, {Subscriptions} subscriptions")]
    public static partial void SessionRestoring(this ILogger logger, int epoch, int accounts, int subscriptions);

    [LoggerMessage(1021, LogLevel.Information, "Session ready on connection {Epoch} after {Milliseconds:0.#} ms")]
    public static partial void SessionRestored(this ILogger logger, int epoch, double milliseconds);

    [LoggerMessage(1022, LogLevel.Debug, "Restoring connection {Epoch} was interrupted: {Reason}")]
    public static partial void SessionRestoreInterrupted(this ILogger logger, int epoch, string reason);

    [LoggerMessage(1023, LogLevel.Warning, "Restoring connection {Epoch} failed: {Reason}")]
    public static partial void SessionRestoreFailed(this ILogger logger, int epoch, string reason);

    [LoggerMessage(1024, LogLevel.Error, "The server refused the application's credentials ({ErrorCode}); not reconnecting until the next call")]
    public static partial void ApplicationAuthFailed(this ILogger logger, string errorCode);

    [LoggerMessage(1025, LogLevel.Debug, "Account {AccountId} authorized")]
    public static partial void AccountAuthorized(this ILogger logger, long accountId);

    [LoggerMessage(1026, LogLevel.Warning, "Account {AccountId} cannot be used ({Kind}): {Reason}")]
    public static partial void AccountUnavailable(this ILogger logger, long accountId, Session.AccountFailureKind kind, string reason);

    [LoggerMessage(1027, LogLevel.Warning, "The server ended the session of account {AccountId}; authorizing it again")]
    public static partial void AccountDisconnected(this ILogger logger, long accountId);

    [LoggerMessage(1028, LogLevel.Warning, "The access token of {Accounts} accounts was invalidated: {Reason}")]
    public static partial void TokenInvalidated(this ILogger logger, int accounts, string reason);

    [LoggerMessage(1029, LogLevel.Information, "Tokens refreshed; the new access token expires in {ExpiresIn} s")]
    public static partial void TokensRefreshed(this ILogger logger, long expiresIn);

    [LoggerMessage(1030, LogLevel.Error, "Refreshing the tokens failed: {Reason}")]
    public static partial void TokenRefreshFailed(this ILogger logger, string reason);

    [LoggerMessage(1031, LogLevel.Error, "Persisting the refreshed tokens failed ({ExceptionType}); the session goes on with them")]
    public static partial void TokenPersistFailed(this ILogger logger, string exceptionType);

    [LoggerMessage(1032, LogLevel.Warning, "The server is closing the connection (ClientDisconnectEvent): {Reason}")]
    public static partial void ClientDisconnected(this ILogger logger, string reason);

    [LoggerMessage(1033, LogLevel.Warning, "Renewing {Request} for account {AccountId} was refused: {ErrorCode}")]
    public static partial void RenewalRefused(this ILogger logger, string request, long accountId, string errorCode);
}
