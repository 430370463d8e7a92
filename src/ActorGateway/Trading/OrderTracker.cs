using ActorGateway.Correlation;
using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using Akka.Actor;
using Google.Protobuf;

namespace ActorGateway.Trading;

/// <summary>
/// Follows one trading request from the request to its order's final state. The reply (or the typed failure) goes to
/// the requester first and exactly once, as for any request; later execution events of the order follow as
/// <see cref="OrderUpdate"/>s, and the end as one <see cref="OrderOutcome"/>. When the outcome is in doubt (the
/// request was written, then timed out or lost its connection) it reconciles against the server's state and reports
/// what it finds; it never sends the request again. An Ask's temporary actor gets only the reply. The request itself is
/// sent by whoever made the tracker, in the order the requester's messages came, with the tracker as its reply-to.
/// </summary>
internal sealed partial class OrderTracker : UntypedActor, IWithTimers
{
    private readonly TrackedRequest _tracked;
    private readonly IActorRef _requester;
    private readonly bool _requesterFollows;
    private ProtoOAExecutionEvent? _reply;
    private long? _orderId;
    private bool _replied;
    private bool _finished;
    private bool _connectionLost;

    public OrderTracker(TrackedRequest tracked, IActorRef requester)
    {
        _tracked = tracked;
        _requester = requester;
        // Ask's temporary actors are gone after the reply; telling them more would only fill the dead letters.
        _requesterFollows = !requester.IsNobody() && requester.Path.Elements is not ["temp", ..];
        _orderId = OrderIdOf(tracked.Request);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(TrackedRequest tracked, IActorRef requester) =>
        Akka.Actor.Props.Create(() => new OrderTracker(tracked, requester));

    protected override void PreRestart(Exception reason, object message)
    {
        // A tracker that failed cannot know where its order stands; its requester must hear that, typed, once.
        Reply(new Status.Failure(new GatewayConnectionException(ConnectionFailureKind.Faulted,
            $"The tracker of {_tracked.Info.Name} failed ({reason.GetType().Name}); reconcile before acting again.", reason,
            written: true)));
        Finish(OrderState.Unknown, null, resolvedByReconcile: false);
    }

    // A restarted tracker cannot know where its order stands: it told its requester so, and stops.
    protected override void PostRestart(Exception reason) => Context.Stop(Self);

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case ProtoOAExecutionEvent e:
                OnReply(e);
                break;
            case Status.Failure failure:
                OnFailed(failure);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void OnReply(ProtoOAExecutionEvent e)
    {
        _reply = e;
        Reply(e);
        _orderId ??= e.Order?.OrderId;
        var state = _tracked.IsAmendment && e.ExecutionType != ProtoOAExecutionType.OrderCancelRejected
            ? OrderState.Amended
            : OrderStates.Of(e);
        if (OrderStates.IsFinal(state))
        {
            Finish(state, e.Order, resolvedByReconcile: false);
            return;
        }

        Become(Following);
    }

    private void OnFailed(Status.Failure failure)
    {
        Reply(failure);
        switch (failure.Cause)
        {
            case GatewayRejectedException rejected:
                _orderId ??= rejected.OrderId;
                Finish(OrderState.Rejected, null, resolvedByReconcile: false);
                break;
            case GatewayTimeoutException { WasWritten: true } or GatewayConnectionException { WasWritten: true }:
                StartReconcile();
                break;
            default:
                // Never written: the server never saw it.
                Finish(OrderState.NotPlaced, null, resolvedByReconcile: false);
                break;
        }
    }

    private void Following(object message)
    {
        switch (message)
        {
            case ProtoOAExecutionEvent e when ReferenceEquals(e, _reply):
                break; // the reply, seen again as the event it also is
            case ProtoOAExecutionEvent e:
                OnEvent(e);
                break;
            case ConnectionStateChanged { State: ConnectionState.Connected } when _connectionLost:
                // Events of the gap are lost: the server's state says where the order went meanwhile.
                _connectionLost = false;
                StartReconcile();
                break;
            case ConnectionStateChanged { State: not ConnectionState.Connected }:
                _connectionLost = true;
                break;
            case ConnectionStateChanged:
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void OnEvent(ProtoOAExecutionEvent e)
    {
        var state = OrderStates.Of(e);
        Tell(new OrderUpdate(state, e.Order, e));
        if (OrderStates.IsFinal(state))
        {
            Finish(state, e.Order, resolvedByReconcile: false);
        }
    }

    private void Reply(object outcome)
    {
        if (!_replied)
        {
            _replied = true;
            _requester.Tell(outcome);
        }
    }

    private void Tell(object step)
    {
        if (_requesterFollows)
        {
            _requester.Tell(step);
        }
    }

    private void Finish(OrderState state, ProtoOAOrder? order, bool resolvedByReconcile)
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        Tell(new OrderOutcome(state, order?.OrderId ?? _orderId, order, resolvedByReconcile));
        Context.Stop(Self);
    }

    private static long? OrderIdOf(IMessage request) => request switch
    {
        ProtoOAAmendOrderReq amend => amend.OrderId,
        ProtoOACancelOrderReq cancel => cancel.OrderId,
        _ => null,
    };
}

/// <summary>A trading request as its tracker sends it.</summary>
/// <param name="Request">The request; a new order always carries a clientOrderId, so a reconcile can find it.</param>
/// <param name="Info">What the registry knows of it.</param>
/// <param name="Id">Its clientMsgId.</param>
/// <param name="Timeout">How long its reply may take.</param>
/// <param name="Deadline">When it times out, as a timestamp of <paramref name="Time"/>.</param>
/// <param name="Connection">Where the request and the tracker's reconcile requests go: the connection actor, or the session's.</param>
/// <param name="Ids">Where reconcile requests take their clientMsgIds.</param>
/// <param name="Time">The gateway's clock.</param>
internal sealed record TrackedRequest(IMessage Request, MessageInfo Info, long Id, TimeSpan Timeout, long Deadline,
    IActorRef Connection, RequestIds Ids, TimeProvider Time)
{
    /// <summary>True for a request that changes an order or a position rather than creating or ending one.</summary>
    public bool IsAmendment => Request is ProtoOAAmendOrderReq or ProtoOAAmendPositionSLTPReq;
}
