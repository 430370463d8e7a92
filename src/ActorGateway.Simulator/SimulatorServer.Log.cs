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

        [LoggerMessage(EventId = 5, Level = LogLevel.Information,
            Message = "{MaxConnections} connections are open, the most allowed: new connections are reset until one closes")]
        public static partial void ConnectionLimitReached(ILogger logger, int maxConnections);
    }
}
