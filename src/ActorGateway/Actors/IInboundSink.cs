using ActorGateway.Protocol;

namespace ActorGateway.Actors;

/// <summary>
/// Where everything that comes in leaves the connection actor: every message received and every connection event.
/// Called on the actor's loop, so an implementation only hands things on and never blocks.
/// </summary>
internal interface IInboundSink
{
    /// <summary>A message arrived (replies included, after they ended their request).</summary>
    public void OnMessage(in OpenApiMessage message);

    /// <summary>
    /// A connection was established; <paramref name="epoch"/> numbers it, so a later command (opening the request gate)
    /// can say which connection it meant.
    /// </summary>
    public void OnConnected(GatewayEndpoint endpoint, int epoch);

    /// <summary>Every message of one socket read has been handed over: a sink that batches hands its batch on now.</summary>
    public void OnReadEnd()
    {
    }

    /// <summary>An established connection was lost.</summary>
    public void OnDisconnected(GatewayEndpoint endpoint, GatewayConnectionException reason);

    /// <summary>A connection attempt failed; <paramref name="retryCount"/> attempts had failed before it.</summary>
    public void OnConnectFailed(GatewayEndpoint endpoint, GatewayConnectionException reason, int retryCount);
}
