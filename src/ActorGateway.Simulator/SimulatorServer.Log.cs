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

        // Information, not Warning: a failed handshake is the client's doing (a scanner, a client that trusts another
        // certificate), and a storm of them must not fill the log with warnings about a server that is working.
        [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Connection {ConnectionId} failed its TLS handshake")]
        public static partial void HandshakeFailed(ILogger logger, long connectionId, Exception cause);
    }
}
