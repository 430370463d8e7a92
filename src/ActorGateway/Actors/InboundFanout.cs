using ActorGateway.Diagnostics;
using ActorGateway.Protocol;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Actors;

/// <summary>
/// Hands everything the connection actor receives to several sinks in turn (the client's event dispatcher, then the
/// publisher and the session), so each keeps its own queue and none depends on another. Called on the actor's turn: a
/// sink that throws fails the actor, and its supervisor restarts it, except on a disconnect, which every sink must hear.
/// </summary>
internal sealed class InboundFanout(IReadOnlyList<IInboundSink> sinks, ILogger log) : IInboundSink
{
    private readonly IInboundSink[] _sinks = [.. sinks];

    public void OnMessage(in OpenApiMessage message)
    {
        foreach (var sink in _sinks)
        {
            sink.OnMessage(message);
        }
    }

    public void OnReadEnd()
    {
        foreach (var sink in _sinks)
        {
            sink.OnReadEnd();
        }
    }

    public void OnConnected(GatewayEndpoint endpoint, int epoch)
    {
        foreach (var sink in _sinks)
        {
            sink.OnConnected(endpoint, epoch);
        }
    }

    // A session that missed it would wait for the connection for ever; one sink may be what failed, so none may stop
    // the others from hearing it.
    public void OnDisconnected(GatewayEndpoint endpoint, GatewayConnectionException reason)
    {
        foreach (var sink in _sinks)
        {
            try
            {
                sink.OnDisconnected(endpoint, reason);
            }
            catch (Exception e)
            {
                log.ActorFault(nameof(IInboundSink.OnDisconnected), e);
            }
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
