namespace ActorGateway;

/// <summary>A connection was established.</summary>
/// <param name="endpoint">Where to.</param>
public sealed class GatewayConnectedEventArgs(GatewayEndpoint endpoint) : EventArgs
{
    /// <summary>Where the client is connected.</summary>
    public GatewayEndpoint Endpoint { get; } = endpoint;
}
