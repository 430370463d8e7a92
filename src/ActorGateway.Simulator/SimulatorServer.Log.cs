using System.Net;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Simulator;

public sealed partial class SimulatorServer
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Line}")]
        public static partial void Listening(ILogger logger, string line);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Connection {ConnectionId} accepted from {Remote}")]
        public static partial void Accepted(ILogger logger, long connectionId, EndPoint? remote);

        [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Connection {ConnectionId} closed")]
        public static partial void Closed(ILogger logger, long connectionId);

        [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Connection {ConnectionId} failed its TLS handshake")]
        public static partial void HandshakeFailed(ILogger logger, long connectionId, Exception cause);
    }
}
