using System.Globalization;
using ActorGateway.Cluster.Lease;
using ActorGateway.Cluster.Messages;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using ActorGateway.Session;
using Akka.Actor;
using Akka.Event;

namespace ActorGateway.Cluster.Sharding;

/// <summary>
/// The one live owner of a trading account in the cluster: it owns the account's <see cref="Session.GatewaySession"/>
/// (its child, created when the entity starts, closed when it stops) and serves <see cref="AccountEnvelope"/>s through it,
/// market-data subscriptions among them through the session's book; it subscribes <see cref="SubscribeAccount"/>'s
/// subscribers, from any node, to the session's publisher. On start
/// it reconciles the account before taking any request, so a new owner after a failover knows the account's positions
/// and orders first; requests that arrive meanwhile are held, in order. A failed reconcile fails what was held (typed)
/// and is tried again. With a lease, it checks right before each trading request that this node still holds its shard's
/// lease, and refuses the order (fenced, nothing sent) when not: a node woken from a freeze must not act on requests queued
/// while another node took the account over.
/// </summary>
internal sealed class AccountEntity : UntypedActor, IWithTimers
{
    // Requests held while starting beyond this many are refused at once: a start that cannot finish must not grow memory.
    internal const int MaxHeld = 10_000;
    private static readonly TimeSpan ReconcileRetry = TimeSpan.FromSeconds(1);
    // A relay that never hears back (the core promises it will) is stopped this long after the request's own timeout.
    private static readonly TimeSpan RelayMargin = TimeSpan.FromSeconds(30);

    private readonly long _accountId;
    private readonly AccountSessions _sessions;
    private readonly ShardLeases? _leases;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Queue<(AccountEnvelope Envelope, IActorRef Sender)> _held = new();
    private readonly AccountSubscribers _subscribers;
    private Task<AccountSession>? _opening;
    private AccountSession? _session;
    private Akka.Coordination.Lease? _lease;
    private AccountFencing _fencing = null!;
    private bool _closing;

    public AccountEntity(long accountId, AccountSessions sessions, ShardLeases? leases)
    {
        _accountId = accountId;
        _sessions = sessions;
        _leases = leases;
        _subscribers = new AccountSubscribers(accountId, Context, _log);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <param name="entityId">The entity id sharding gives: the account number.</param>
    /// <param name="sessions">Creates the account's session.</param>
    /// <param name="leases">The shards' leases, or null when the cluster runs without a lease (nothing is fenced).</param>
    public static Props Props(string entityId, AccountSessions sessions, ShardLeases? leases) =>
        long.TryParse(entityId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var account)
            ? Akka.Actor.Props.Create(() => new AccountEntity(account, sessions, leases))
            : Akka.Actor.Props.Create(() => new RefusedEntity(entityId));

    // The session's top actor is the only child that could fail this way: restarting it would give it new children that
    // the session's refs do not know. Stopped, its connection actor fails every request in flight once (typed), and the
    // entity then stops too (see SessionLost), so sharding starts it afresh with a new session. Reply relays do not throw.
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(Decider.From(Directive.Stop));

    protected override void PreStart()
    {
        // The very instance the shard acquired (the provider keeps one per name, path and owner), so checking it costs no I/O.
        _lease = _leases?.For(_accountId, Context.System);
        _fencing = AccountFencing.Get(Context.System);
        _opening = _sessions.CreateAsync(_accountId, Context);
        _opening.PipeTo(Self, success: session => new SessionOpened(session));
        Become(Opening);
    }

    protected override void PostStop()
    {
        // Normally the session was closed on StopAccount; a crash or a system going down lands here instead.
        if (!_closing && _session is { } s)
        {
            _ = s.Session.DisposeAsync().AsTask();
        }
        else if (_session is null && _opening is { } opening)
        {
            // Stopped before its session was made: the session is closed once it exists.
            opening.ContinueWith(static t => t.Result.Session.DisposeAsync().AsTask(), CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
    }

    protected override void OnReceive(object message) => Unhandled(message);

    private void Opening(object message)
    {
        switch (message)
        {
            case SessionOpened opened:
                _session = opened.Session;
                Context.Watch(opened.Session.Session.Actor);
                _subscribers.Attach(opened.Session);
                Reconcile();
                Become(Starting);
                break;
            case Status.Failure failure:
                _log.Error(failure.Cause, "Account {0}'s session could not be created; the entity stops", _accountId);
                FailHeld(new GatewayConnectionException(ConnectionFailureKind.Faulted,
                    $"Account {_accountId}'s session could not be created ({failure.Cause.GetType().Name})."));
                Context.Stop(Self);
                break;
            case AccountEnvelope e:
                Hold(e);
                break;
            case StartAccount:
                Sender.Tell(new AccountStarted(_accountId));
                break;
            case StopAccount:
                FailHeld(Moving());
                Context.Stop(Self);
                break;
            default:
                OnSubscription(message);
                break;
        }
    }

    private void Starting(object message)
    {
        switch (message)
        {
            case AccountEnvelope e:
                Hold(e);
                break;
            case StartAccount:
                Sender.Tell(new AccountStarted(_accountId));
                break;
            case ProtoOAReconcileRes:
                _log.Info("Account {0} reconciled on this node; taking requests", _accountId);
                Become(Ready);
                while (_held.TryDequeue(out var held))
                {
                    Serve(held.Envelope, held.Sender);
                }

                break;
            case Status.Failure failure:
                _log.Warning("Account {0} could not be reconciled ({1}); retrying in {2}", _accountId,
                    failure.Cause.GetType().Name, ReconcileRetry);
                FailHeld(failure.Cause as GatewayException
                    ?? new GatewayConnectionException(ConnectionFailureKind.Faulted, "The account's reconcile failed."));
                Timers.StartSingleTimer(nameof(Reconcile), RetryReconcile.Instance, ReconcileRetry);
                break;
            case RetryReconcile:
                Reconcile();
                break;
            case StopAccount:
                Close();
                break;
            default:
                OnSubscription(message);
                break;
        }
    }

    private void Ready(object message)
    {
        switch (message)
        {
            case AccountEnvelope e:
                Serve(e, Sender);
                break;
            case StartAccount:
                Sender.Tell(new AccountStarted(_accountId));
                break;
            case StopAccount:
                Close();
                break;
            default:
                OnSubscription(message);
                break;
        }
    }

    private void Closing(object message)
    {
        switch (message)
        {
            case SessionClosed:
                Context.Stop(Self);
                break;
            case AccountEnvelope:
                Sender.Tell(new RequestFailed(Moving()));
                break;
            default:
                // Late replies to the start's reconcile and similar: nothing waits for them any more. A subscription is not
                // answered: its keeper asks again and reaches the account's next owner.
                break;
        }
    }

    private void OnSubscription(object message)
    {
        switch (message)
        {
            case SubscribeAccount subscribe:
                _subscribers.Subscribe(subscribe);
                break;
            case UnsubscribeAccount unsubscribe:
                _subscribers.Forget(unsubscribe.Subscriber);
                break;
            case Terminated t when _session is { } s && t.ActorRef.Equals(s.Session.Actor):
                SessionLost();
                break;
            case Terminated t:
                _subscribers.Forget(t.ActorRef);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    // The session stopped without being closed (it failed beyond its own restarts): its requests in flight have ended
    // typed; those held here were never sent. Sharding starts the entity again, with a new session.
    private void SessionLost()
    {
        _log.Error("Account {0}'s session stopped by itself; the entity stops and starts again", _accountId);
        FailHeld(new GatewayConnectionException(ConnectionFailureKind.Faulted,
            $"Account {_accountId}'s session stopped; nothing was sent, send it again."));
        Context.Stop(Self);
    }

    private void Reconcile() =>
        _session!.Session.Actor.Tell(new GatewayRequest(new ProtoOAReconcileReq { CtidTraderAccountId = _accountId }), Self);

    private void Hold(AccountEnvelope envelope)
    {
        if (_held.Count >= MaxHeld)
        {
            Sender.Tell(new RequestFailed(new GatewayConnectionException(ConnectionFailureKind.NotConnected,
                $"Account {_accountId} is still starting and already holds {MaxHeld} requests.")));
            return;
        }

        _held.Enqueue((envelope, Sender));
    }

    private void Serve(AccountEnvelope envelope, IActorRef requester)
    {
        bool trading;
        try
        {
            trading = PayloadRegistry.Of(envelope.Request).IsTradingRequest;
        }
        catch (ProtocolException e)
        {
            requester.Tell(new RequestFailed(new GatewayProtocolException(e.Message, e)));
            return;
        }

        if (trading && Fence(envelope.Request.Descriptor.Name) is { } refusal)
        {
            requester.Tell(new RequestFailed(refusal));
            return;
        }

        var session = _session!;
        var within = (envelope.Timeout ?? session.RequestTimeout) + RelayMargin;
        if (BookedRequests.IsBooked(envelope.Request))
        {
            // Booked, so the session renews it after its reconnects, as it does for a subscriber's market data.
            session.Session.Actor.Tell(new ChangeSubscription(envelope.Request), Context.ActorOf(ReplyRelay.Props(requester, false, within)));
            return;
        }

        var relay = Context.ActorOf(ReplyRelay.Props(requester, trading, within));
        // Checked again by the connection actor right before the frame is written: the order may wait in the session
        // (a reconnect) or behind the throttle, and the lease can lapse meanwhile.
        var guard = trading && _lease is not null ? () => Fence(envelope.Request.Descriptor.Name) : (Func<GatewayException?>?)null;
        session.Session.Actor.Tell(new GatewayRequest(envelope.Request, envelope.Timeout, guard), relay);
    }

    /// <summary>Null while this node holds the account's lease (or runs without one); otherwise the refusal, counted and logged.</summary>
    /// <remarks>Called on the entity's turn and on the connection actor's: everything it touches is thread-safe.</remarks>
    private GatewayFencedException? Fence(string request)
    {
        if (_lease is not { } lease || lease.CheckLease())
        {
            return null;
        }

        _fencing.CountRefusal();
        _log.Warning("Fenced: account {0}'s lease is not valid on this node; {1} refused, nothing sent", _accountId, request);
        return new GatewayFencedException(_accountId,
            $"Account {_accountId}'s lease is not held by this node any more; {request} was not sent.");
    }

    private void FailHeld(GatewayException cause)
    {
        while (_held.TryDequeue(out var held))
        {
            held.Sender.Tell(new RequestFailed(cause));
        }
    }

    // Hand-off: close the session while the relays still live, so requests in flight end typed, then stop.
    private void Close()
    {
        _closing = true;
        FailHeld(Moving());
        Become(Closing);
        _session!.Session.DisposeAsync().AsTask().ContinueWith(static _ => SessionClosed.Instance, TaskScheduler.Default)
            .PipeTo(Self);
    }

    private GatewayConnectionException Moving() => new(ConnectionFailureKind.NotConnected,
        $"Account {_accountId} is moving to another node; nothing was sent, send it again.");

    private sealed class RetryReconcile
    {
        public static readonly RetryReconcile Instance = new();
    }

    private sealed record SessionOpened(AccountSession Session);

    private sealed class SessionClosed
    {
        public static readonly SessionClosed Instance = new();
    }
}
