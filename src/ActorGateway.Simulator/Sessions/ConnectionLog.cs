using Microsoft.Extensions.Logging;

namespace ActorGateway.Simulator.Sessions;

/// <summary>What a connection and its reader log; the logger is the connection's, so every entry carries its category.</summary>
internal static partial class ConnectionLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "Connection {ConnectionId} closing: {Reason}")]
    public static partial void Closing(ILogger logger, long connectionId, string reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "Connection {ConnectionId} stopped by a failure")]
    public static partial void Stopped(ILogger logger, long connectionId, Exception cause);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Connection {ConnectionId} failed to encode a reply")]
    public static partial void Failed(ILogger logger, long connectionId, Exception error);

    // Information, not Debug: a client whose frames cannot be read is worth seeing without turning on debug logs.
    [LoggerMessage(EventId = 104, Level = LogLevel.Information,
        Message = "Connection {ConnectionId} closing: the client sent a frame that cannot be read ({Reason})")]
    public static partial void StreamBroken(ILogger logger, long connectionId, string reason);

    // Information, as for 104: a client pushing the server's limits is worth seeing without debug logs.
    [LoggerMessage(EventId = 106, Level = LogLevel.Information,
        Message = "Connection {ConnectionId} closing: the client went over an inbound limit ({Reason})")]
    public static partial void LimitReached(ILogger logger, long connectionId, string reason);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Connection {ConnectionId} stopped reading on an unexpected failure")]
    public static partial void ReadFailed(ILogger logger, long connectionId, Exception error);
}
