using Microsoft.Extensions.Logging;

namespace ActorGateway.Simulator.Admission;

internal sealed partial class TlsAcceptor
{
    // Information, not Warning, throughout: a failed handshake is the client's doing (a scanner, a client that trusts
    // another certificate, a storm), and must not fill the log with warnings about a server that is working.
    private static partial class Log
    {
        [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Connection {ConnectionId} failed its TLS handshake: {Reason}")]
        public static partial void HandshakeFailed(ILogger logger, long connectionId, string reason);

        [LoggerMessage(EventId = 6, Level = LogLevel.Information,
            Message = "Connection {ConnectionId} did not finish its TLS handshake within {Seconds} s of connecting: timed out {Stage}")]
        public static partial void HandshakeTimedOut(ILogger logger, long connectionId, double seconds, string stage);

        [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "Connection {ConnectionId} closed before starting its TLS handshake")]
        public static partial void LeftBeforeHandshake(ILogger logger, long connectionId);

        [LoggerMessage(EventId = 8, Level = LogLevel.Information,
            Message = "{Queued} TLS handshakes are waiting, the most allowed: new connections are reset until the queue shortens")]
        public static partial void HandshakeQueueFull(ILogger logger, int queued);
    }
}
