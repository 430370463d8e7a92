namespace ActorGateway;

/// <summary>A connection attempt failed (as opposed to an established connection being lost).</summary>
/// <param name="endpoint">Where the attempt went.</param>
/// <param name="reason">Why it failed.</param>
/// <param name="previousFailures">How many attempts had failed before this one since the last healthy connection.</param>
public sealed class GatewayConnectFailedEventArgs(GatewayEndpoint endpoint, GatewayConnectionException reason, int previousFailures)
    : EventArgs
{
    /// <summary>Where the attempt went.</summary>
    public GatewayEndpoint Endpoint { get; } = endpoint;

    /// <summary>Why it failed.</summary>
    public GatewayConnectionException Reason { get; } = reason;

    /// <summary>How many attempts had failed before this one since the last healthy connection.</summary>
    public int PreviousFailures { get; } = previousFailures;
}
