namespace ActorGateway;

/// <summary>
/// No reply came within the request's timeout. The inner exception is a <see cref="TimeoutException"/>, so code that
/// looks for timeouts in the exception chain finds one. A written request may still have been executed by the server.
/// </summary>
public sealed class GatewayTimeoutException : GatewayException
{
    /// <summary>Creates the exception for a request that waited <paramref name="timeout"/>.</summary>
    public GatewayTimeoutException(string requestName, TimeSpan timeout, bool written)
        : base($"{requestName} got no reply within {timeout.TotalMilliseconds:0} ms"
            + (written ? "." : "; it was never written."), new TimeoutException())
    {
        Timeout = timeout;
        WasWritten = written;
    }

    /// <summary>How long the request waited.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>True when the request had been written to the connection, so the server may have acted on it.</summary>
    public bool WasWritten { get; }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
