namespace ActorGateway;

/// <summary>Why a connection could not be made or was lost.</summary>
public enum ConnectionFailureKind
{
    /// <summary>The connection could not be made (refused, unreachable, name not resolved, connect timeout).</summary>
    ConnectFailed,

    /// <summary>The TLS handshake failed, e.g. the server's certificate is not trusted.</summary>
    TlsFailure,

    /// <summary>An established connection failed (reset, write or read error).</summary>
    ConnectionLost,

    /// <summary>The server closed the connection.</summary>
    ServerClosed,

    /// <summary>Nothing arrived from the server for longer than the configured silence timeout.</summary>
    ServerSilent,

    /// <summary>The server sent bytes that break the wire protocol.</summary>
    ProtocolViolation,

    /// <summary>
    /// The request was queued and the connection went down before it was written, under <see cref="QueuedRequestPolicy.Fail"/>.
    /// </summary>
    NotConnected,

    /// <summary>The client was disposed.</summary>
    Disposed,

    /// <summary>
    /// An actor on the request's path failed and was restarted by its supervisor; a request written before may have
    /// reached the server.
    /// </summary>
    Faulted,
}
