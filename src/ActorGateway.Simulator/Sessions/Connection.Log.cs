using Microsoft.Extensions.Logging;

namespace ActorGateway.Simulator.Sessions;

internal sealed partial class Connection
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "Connection {ConnectionId} closing: {Reason}")]
        public static partial void Closing(ILogger logger, long connectionId, string reason);

        [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "Connection {ConnectionId} stopped by a failure")]
        public static partial void Stopped(ILogger logger, long connectionId, Exception cause);

        [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Connection {ConnectionId} failed to encode a reply")]
        public static partial void Failed(ILogger logger, long connectionId, Exception error);
    }
}
