using ActorGateway.Publishing;
using ActorGateway.Protocol;
using Akka.Actor;

namespace ActorGateway.Actors;

/// <summary>
/// The connection actor's side of the publisher: it gathers what one socket read brought and Tells it to the publisher
/// as one array, so a busy feed costs the publisher one message per read, not one per event. While nobody subscribes it
/// gathers nothing. Connection changes go to the publisher as notices.
/// </summary>
internal sealed class PublisherSink : IInboundSink
{
    private readonly List<OpenApiMessage> _read = [];
    private IActorRef _publisher = ActorRefs.Nobody;

    /// <summary>Set by the gateway actor when it has created the publisher, before the connection actor exists.</summary>
    public void Attach(IActorRef publisher) => _publisher = publisher;

    /// <summary>Kept by the publisher, read on the connection actor's turn.</summary>
    public SubscriberCount Subscribers { get; } = new();

    public void OnMessage(in OpenApiMessage message)
    {
        if (Subscribers.Value > 0)
        {
            _read.Add(message);
        }
    }

    public void OnReadEnd()
    {
        if (_read.Count > 0)
        {
            _publisher.Tell(new InboundEvents([.. _read]));
            _read.Clear();
        }
    }

    public void OnConnected(GatewayEndpoint endpoint, int epoch) => _publisher.Tell(new ConnectionEstablished(endpoint));

    public void OnDisconnected(GatewayEndpoint endpoint, GatewayConnectionException reason)
    {
        OnReadEnd();
        _publisher.Tell(new ConnectionLost(endpoint, reason));
        _publisher.Tell(new EventsLost(null, GapReason.Reconnect));
    }

    public void OnConnectFailed(GatewayEndpoint endpoint, GatewayConnectionException reason, int retryCount)
    {
        // A failed attempt changes nothing a subscriber sees: the loss was reported when the connection went.
    }
}
