using System.Globalization;
using ActorGateway.Correlation;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using ActorGateway.Publishing;
using ActorGateway.Trading;
using Akka.Actor;
using Google.Protobuf;

namespace ActorGateway.Actors;

/// <summary>
/// One gateway: the actor its users Tell and Ask. It supervises the connection actor (restarted on failure, its
/// pending requests failed with <see cref="ConnectionFailureKind.Faulted"/>), the event raiser, the publisher, the
/// session actor when there is a session, and an <see cref="OrderTracker"/> per trading request; it hands plain requests to the connection actor, routes execution
/// events to the tracker of their order, and tells connection-state subscribers of every change.
/// </summary>
internal sealed class GatewayActor : UntypedActor
{
    private readonly GatewayWiring _wiring;
    private readonly EventDispatcher? _events;
    private readonly TaskCompletionSource<GatewayRefs>? _ready;
    private readonly HashSet<IActorRef> _stateSubscribers = [];
    private readonly Dictionary<long, IActorRef> _trackersByMsgId = [];
    private readonly Dictionary<long, IActorRef> _trackersByOrder = [];
    private ConnectionStateChanged _state = new(ConnectionState.Idle, null, null);
    private IActorRef _connection = ActorRefs.Nobody;
    private IActorRef _publisher = ActorRefs.Nobody;

    public GatewayActor(GatewayWiring wiring, EventDispatcher? events, TaskCompletionSource<GatewayRefs>? ready)
    {
        _wiring = wiring;
        _events = events;
        _ready = ready;
    }

    public static Props Props(GatewayWiring wiring, EventDispatcher? events = null, TaskCompletionSource<GatewayRefs>? ready = null) =>
        Akka.Actor.Props.Create(() => new GatewayActor(wiring, events, ready));

    protected override SupervisorStrategy SupervisorStrategy() =>
        // A connection actor that keeps failing would fail every request forever; after ten restarts a minute the
        // failure goes up to whoever supervises the gateway.
        new OneForOneStrategy(10, TimeSpan.FromMinutes(1), Decider.From(Directive.Restart));

    protected override void PreStart()
    {
        // The raiser and the publisher exist before the connection actor, which feeds them.
        _events?.Attach(Context.ActorOf(EventRaiser.Props(_events), "events"));
        _publisher = Context.ActorOf(PublisherActor.Props(_wiring.Publisher.Subscribers, _wiring.EverSubscribed, _wiring.Metrics,
            _wiring.Settings.LoggerFactory), "publisher");
        _wiring.Publisher.Attach(_publisher);
        _connection = Context.ActorOf(ConnectionActor.Props(_wiring), "connection");
        var session = _wiring.SessionProps is { } props ? Context.ActorOf(props(_wiring, _connection, _publisher), "session") : ActorRefs.Nobody;
        _ready?.TrySetResult(new GatewayRefs(_connection, _publisher, session));
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case IMessage request:
                Route(request, null, Sender, _connection, null);
                break;
            case GatewayRequest request:
                Route(request.Request, request.Timeout, Sender, _connection, request.WriteGuard);
                break;
            case RouteVia via:
                Route(via.Request, via.Timeout, via.ReplyTo, via.Via, via.WriteGuard);
                break;
            case IPendingRequest or Connect or Shutdown:
                _connection.Forward(message);
                break;
            case SubscribeEvents or UnsubscribeEvents:
                _publisher.Forward(message);
                break;
            case ConnectionStateChanged changed:
                OnStateChanged(changed);
                break;
            case TradingEvent trading:
                RouteToTracker(trading.Message);
                break;
            case FollowOrder follow:
                _trackersByOrder[follow.OrderId] = Sender;
                break;
            case SubscribeConnectionState subscribe:
                Context.Watch(subscribe.Subscriber);
                _stateSubscribers.Add(subscribe.Subscriber);
                subscribe.Subscriber.Tell(_state);
                break;
            case UnsubscribeConnectionState unsubscribe:
                _stateSubscribers.Remove(unsubscribe.Subscriber);
                break;
            case Terminated terminated:
                Forget(terminated.ActorRef);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <summary>Makes <paramref name="request"/> a tracked request sent to <paramref name="sendTo"/>, its end told to <paramref name="replyTo"/>.</summary>
    private void Route(IMessage request, TimeSpan? timeout, IActorRef replyTo, IActorRef sendTo, Func<GatewayException?>? guard)
    {
        MessageInfo info;
        long deadline;
        var wait = timeout ?? _wiring.Settings.RequestTimeout;
        try
        {
            info = RequestInfo.Of(request);
            deadline = Deadlines.After(_wiring.Settings.TimeProvider, wait);
        }
        catch (ArgumentException e)
        {
            replyTo.Tell(new Status.Failure(e));
            return;
        }

        var id = _wiring.Ids.Next();
        if (!info.IsTradingRequest)
        {
            sendTo.Tell(new ActorRequest(request, info, id, wait, deadline, replyTo) { WriteGuard = guard });
            return;
        }

        var tracked = new TrackedRequest(WithClientOrderId(request, id), info, id, wait, deadline, sendTo, _wiring.Ids,
            _wiring.Settings.TimeProvider);
        var tracker = Context.ActorOf(OrderTracker.Props(tracked, replyTo), $"order-{id}");
        // Sent from here rather than by the tracker, so it keeps its place among the requester's other requests.
        sendTo.Tell(new ActorRequest(tracked.Request, info, id, wait, deadline, tracker) { WriteGuard = guard });
        Context.Watch(tracker);
        _trackersByMsgId[id] = tracker;
    }

    // A new order without a clientOrderId gets one, so a reconcile after a lost reply can find it; the caller's
    // message is left as it was.
    private static IMessage WithClientOrderId(IMessage request, long id)
    {
        if (request is not ProtoOANewOrderReq { HasClientOrderId: false } order)
        {
            return request;
        }

        var copy = order.Clone();
        copy.ClientOrderId = string.Create(CultureInfo.InvariantCulture, $"ag-{id}");
        return copy;
    }

    private void RouteToTracker(OpenApiMessage message)
    {
        var orderId = message.Payload switch
        {
            ProtoOAExecutionEvent { Order: { } order } => order.OrderId,
            ProtoOAOrderErrorEvent { HasOrderId: true } error => error.OrderId,
            _ => (long?)null,
        };
        if (orderId is { } known && !_trackersByOrder.ContainsKey(known)
            && long.TryParse(message.ClientMsgId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && _trackersByMsgId.TryGetValue(id, out var byRequest))
        {
            // The first event carrying the request's id names its order: from here on the order routes by itself.
            _trackersByOrder[known] = byRequest;
        }

        if (orderId is { } routed && _trackersByOrder.TryGetValue(routed, out var tracker))
        {
            tracker.Tell(message.Payload);
        }
    }

    private void OnStateChanged(ConnectionStateChanged changed)
    {
        _state = changed;
        foreach (var subscriber in _stateSubscribers)
        {
            subscriber.Tell(changed);
        }

        foreach (var tracker in _trackersByMsgId.Values)
        {
            tracker.Tell(changed);
        }
    }

    private void Forget(IActorRef actor)
    {
        _stateSubscribers.Remove(actor);
        RemoveValue(_trackersByMsgId, actor);
        RemoveValue(_trackersByOrder, actor);
    }

    private static void RemoveValue(Dictionary<long, IActorRef> map, IActorRef actor)
    {
        foreach (var (key, value) in map)
        {
            if (value.Equals(actor))
            {
                map.Remove(key);
            }
        }
    }
}

/// <summary>Told by the connection actor to the gateway actor: an execution or order error event, with its clientMsgId.</summary>
internal sealed record TradingEvent(OpenApiMessage Message);

/// <summary>
/// Told by the session actor: make <paramref name="Request"/> a tracked request (an order tracker for a trading one) that
/// goes out through <paramref name="Via"/>, its reply told to <paramref name="ReplyTo"/>.
/// </summary>
internal sealed record RouteVia(IMessage Request, TimeSpan? Timeout, IActorRef ReplyTo, IActorRef Via, Func<GatewayException?>? WriteGuard = null);

/// <summary>The actors a gateway is made of, known once the gateway actor has started.</summary>
internal sealed record GatewayRefs(IActorRef Connection, IActorRef Publisher, IActorRef Session);
