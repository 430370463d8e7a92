using ActorGateway.Actors;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;

namespace ActorGateway.Session;

/// <summary>
/// Drops from the catalog what a <c>ProtoOASymbolChangedEvent</c> names, on the connection actor's turn: a reply that
/// arrives after the event then finds the catalog already without it.
/// </summary>
internal sealed class SymbolChanges(SymbolCatalog catalog) : IInboundSink
{
    public void OnMessage(in OpenApiMessage message)
    {
        if (message.Payload is ProtoOASymbolChangedEvent changed)
        {
            catalog.Invalidate(changed.CtidTraderAccountId, changed.SymbolId);
        }
    }

    public void OnConnected(GatewayEndpoint endpoint, int epoch)
    {
    }

    public void OnDisconnected(GatewayEndpoint endpoint, GatewayConnectionException reason)
    {
    }

    public void OnConnectFailed(GatewayEndpoint endpoint, GatewayConnectionException reason, int retryCount)
    {
    }
}
