using ActorGateway.Protocol;

namespace ActorGateway.Actors;

/// <summary>
/// Hands everything the connection actor receives to several sinks in turn (the client's event dispatcher, then the
/// publisher and the session), so each keeps its own queue and none depends on another.
/// </summary>
internal sealed class InboundFanout(IReadOnlyList<IInboundSink> sinks) : IInboundSink
{
    private readonly IInboundSink[] _sinks = [.. sinks];

    public void OnMessage(in OpenApiMessage message)
    {
        foreach (var sink in _sinks)
        {
            sink.OnMessage(message);
        }
    }

    public void OnConnected(GatewayEndpoint endpoint, int epoch)
    {
        foreach (var sink in _sinks)
        {
            sink.OnConnected(endpoint, epoch);
        }
    }

    public void OnDisconnected(GatewayEndpoint endpoint, GatewayConnectionException reason)
    {
        foreach (var sink in _sinks)
        {
            sink.OnDisconnected(endpoint, reason);
        }
    }

    public void OnConnectFailed(GatewayEndpoint endpoint, GatewayConnectionException reason, int retryCount)
    {
        foreach (var sink in _sinks)
        {
            sink.OnConnectFailed(endpoint, reason, retryCount);
        }
    }
}
