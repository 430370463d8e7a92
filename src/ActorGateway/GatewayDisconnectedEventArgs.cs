namespace ActorGateway;

/// <summary>An established connection was lost (or closed by the client).</summary>
/// <param name="endpoint">Where it went.</param>
/// <param name="reason">Why: the first reason the connection broke.</param>
public sealed class GatewayDisconnectedEventArgs(GatewayEndpoint endpoint, GatewayConnectionException reason) : EventArgs
{
    /// <summary>Where the connection went.</summary>
    public GatewayEndpoint Endpoint { get; } = endpoint;

    /// <summary>Why it was lost.</summary>
    public GatewayConnectionException Reason { get; } = reason;
}
