using ActorGateway.Actors;
using ActorGateway.Protocol;
using Akka.Actor;

namespace ActorGateway.Publishing;

/// <summary>
/// The connection actor's side of the publisher: it gathers what one socket read brought and Tells it to the publisher
/// as one array, so a busy feed costs the publisher one message per read, not one per event. While nobody subscribes it
/// gathers nothing. Connection changes go to the publisher as notices.
/// </summary>
internal sealed class PublisherSink : IInboundSink
{
    private readonly List<OpenApiMessage> _read = [];
    private IActorRef _publisher = ActorRefs.Nobody;
    private int _subscribers;

    /// <summary>Set by the gateway actor when it has created the publisher, before the connection actor exists.</summary>
    public void Attach(IActorRef publisher) => _publisher = publisher;

    /// <summary>Kept by the publisher, read on the connection actor's turn.</summary>
    public int Subscribers
    {
        get => Volatile.Read(ref _subscribers);
        set => Volatile.Write(ref _subscribers, value);
    }

    public void OnMessage(in OpenApiMessage message)
    {
        if (Subscribers > 0)
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

/// <summary>What one socket read brought, for the publisher.</summary>
internal sealed record InboundEvents(OpenApiMessage[] Messages);
