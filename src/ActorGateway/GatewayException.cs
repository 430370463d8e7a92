namespace ActorGateway;

/// <summary>The base of every failure the gateway reports for a request or a connection.</summary>
public abstract class GatewayException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected GatewayException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>True when the same operation may succeed if tried again later (a lost connection, a timeout).</summary>
    public virtual bool IsTransient => false;
}
