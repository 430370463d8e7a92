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
}
