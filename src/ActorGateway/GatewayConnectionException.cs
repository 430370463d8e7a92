namespace ActorGateway;

/// <summary>
/// The connection could not be made or was lost. A request that fails with this exception after being written may or
/// may not have reached the server; it is never re-sent automatically (reconcile before placing an order again).
/// </summary>
public sealed class GatewayConnectionException : GatewayException
{
    /// <summary>Creates the exception.</summary>
    public GatewayConnectionException(ConnectionFailureKind kind, string message, Exception? innerException = null, bool written = false)
        : base(message, innerException)
    {
        Kind = kind;
        WasWritten = written;
    }

    /// <summary>
    /// True when the request this ended had been written to the connection, so the server may have acted on it;
    /// false for a connection failure itself and for a request that never left.
    /// </summary>
    public bool WasWritten { get; }

    /// <summary>What went wrong.</summary>
    public ConnectionFailureKind Kind { get; }

    /// <summary>True unless the client was disposed.</summary>
    public override bool IsTransient => Kind != ConnectionFailureKind.Disposed;
}
