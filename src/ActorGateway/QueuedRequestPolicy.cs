namespace ActorGateway;

/// <summary>What happens to requests that were queued but never written when the connection goes down.</summary>
public enum QueuedRequestPolicy
{
    /// <summary>They wait for the next connection, each still under its own timeout.</summary>
    WaitForReconnect,

    /// <summary>They fail at once with a <see cref="GatewayConnectionException"/>.</summary>
    Fail,
}
