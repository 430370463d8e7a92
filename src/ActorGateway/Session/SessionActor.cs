using ActorGateway.Actors;
using ActorGateway.Correlation;
using ActorGateway.Diagnostics;
using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using Akka.Actor;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Session;

/// <summary>
/// The session: lazy connect and authentication, accounts authorized on first use, subscriptions kept in a book, and
/// after every reconnect a restore (application auth, each account with its subscriptions and a reconcile) before any
/// user request goes out. States by <c>Become</c>: idle (not started), connecting, restoring (authenticating the first
/// time, restoring after), ready. What users send while it is not ready is held in order and handled once it is; its
/// own work runs off the actor and comes back by <c>PipeTo</c>, so no handler awaits. Each request it forwards is bound to
/// the connection it restored, so the connection actor needs to know nothing of sessions.
/// </summary>
internal sealed partial class SessionActor : CompletingActor, IWithTimers
{
    private readonly SessionSettings _settings;
    private readonly GatewayWiring _wiring;
    private readonly SessionLink _link;
    private readonly IActorRef _connection;
    private readonly IActorRef _gateway;
    private readonly IActorRef _publisher;
    private readonly SubscriptionBook _book;
    private readonly SessionStatus _status;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly AccountDesk _accounts;
    private readonly TokenKeeper _tokens;
    private readonly RequestStash _held = new();
    private readonly List<IActorRef> _readyWaiters = [];
    private readonly SubscriptionChanges _subscriptions;
    private int _connected;  // the connection that is up, whoever uses it; 0 when none
    private int _epoch;      // the connection this session authenticated (or is authenticating); 0 when none
    private bool _everReady;
    private long _restoreStarted;

    public SessionActor(SessionSettings settings, GatewayWiring wiring, SessionParts parts, IActorRef connection, IActorRef publisher)
    {
        _settings = settings;
        _wiring = wiring;
        _connection = connection;
        _gateway = Context.Parent;
        _publisher = publisher;
        _book = parts.Book;
        _status = parts.Status;
        _time = wiring.Settings.TimeProvider;
        _log = wiring.Settings.LoggerFactory.CreateLogger<GatewaySession>();
        _link = new SessionLink(connection, wiring);
        _tokens = new TokenKeeper(settings, _link, Self, _log);
        _accounts = new AccountDesk(new AccountDesk.Parts(_link, Self, connection, publisher, _book, _tokens, settings.Environment, _log,
            (change, replyTo) => _subscriptions!.Change(change, replyTo)));
        _subscriptions = new SubscriptionChanges(_book, _link, _accounts, Self);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(SessionSettings settings, GatewayWiring wiring, SessionParts parts, IActorRef connection, IActorRef publisher) =>
        Akka.Actor.Props.Create(() => new SessionActor(settings, wiring, parts, connection, publisher));

    protected override void PreStart()
    {
        _gateway.Tell(new SubscribeConnectionState(Self));
        _publisher.Tell(new SubscribeEvents(Self, AccountDesk.ServerEvents));
        Timers.StartPeriodicTimer(nameof(SweepHeld), SweepHeld.Instance, _wiring.Settings.TickInterval);
        TokenKeeper.Schedule(_settings.AccessTokenLifetime(_time), Timers);
        Enter(Phase.Idle);
    }

    protected override void PostStop()
    {
        var disposed = new GatewayConnectionException(ConnectionFailureKind.Disposed, "The session was disposed.");
        foreach (var held in _held.TakeAll())
        {
            AccountDesk.Fail(held, disposed);
        }

        _accounts.FailParked(disposed);
        FailWaiters(disposed);
        _tokens.FailWaiters(disposed);
    }

    protected override void OnReceive(object message) => Idle(message);

    private void Idle(object message)
    {
        if (!Common(message) && HoldIfUserInput(message))
        {
            StartConnecting();
        }
    }

    private void Connecting(object message)
    {
        if (message is ConnectGaveUp gaveUp)
        {
            GiveUp(gaveUp.Reason);
            return;
        }

        if (!Common(message))
        {
            HoldIfUserInput(message);
        }
    }

    private void Restoring(object message)
    {
        switch (message)
        {
            case AppAuthenticated done when done.Epoch == _epoch:
                OnAppAuthenticated();
                break;
            case AppAuthFailed failed when failed.Epoch == _epoch:
                OnAppAuthFailed(failed.Error);
                break;
            case AppAuthenticated or AppAuthFailed:
                break; // of a connection already gone
            default:
                if (!Common(message))
                {
                    HoldIfUserInput(message);
                }

                break;
        }
    }

    private void Ready(object message)
    {
        if (!Common(message) && !HandleUserInput(message, Sender, returnable: true))
        {
            Unhandled(message);
        }
    }

    /// <summary>What every state does alike; false when the message is not one of these.</summary>
    private bool Common(object message)
    {
        switch (message)
        {
            case ConnectionStateChanged changed:
                OnConnectionState(changed);
                return true;
            case AccountOutcome outcome:
                OnAccountOutcome(outcome);
                return true;
            case EventBatch batch:
                _accounts.OnServerEvents(batch);
                Sender.Tell(EventsAck.Instance);
                return true;
            case IMessage or GatewayRequest:
                // The gateway actor makes it a tracked request (a trading one gets an order tracker) and sends it back
                // here to go out on the session's connection; its deadline starts now.
                _gateway.Tell(message is GatewayRequest r ? new RouteVia(r.Request, r.Timeout, Sender, Self, r.WriteGuard) : new RouteVia((IMessage)message, null, Sender, Self));
                return true;
            case SubscribeEvents or UnsubscribeEvents:
                _publisher.Forward(message);
                return true;
            case StartSession when CurrentState == Phase.Ready:
                Sender.Tell(SessionStarted.Instance);
                return true;
            case StartSession:
                _readyWaiters.Add(Sender);
                return false; // and starts the session when idle
            case RefreshOutcome outcome:
                _tokens.OnOutcome(outcome, _accounts, Timers);
                return true;
            case TokensPersisted persisted:
                _tokens.OnPersisted(persisted, _accounts);
                return true;
            case SubscriptionChanges.Done done:
                _subscriptions.OnDone(done);
                return true;
            case SweepHeld:
                var now = _time.GetTimestamp();
                _held.Sweep(now);
                _accounts.Sweep(now);
                return true;
            case RefreshDue:
                _tokens.Refresh(CurrentState == Phase.Ready ? _epoch : 0);
                return true;
            case EventsSubscribed or Status or ConnectGaveUp or AppAuthenticated or AppAuthFailed:
                return true; // answers to what is done with, outcomes of a connection already gone
            default:
                return false;
        }
    }

    private Phase CurrentState { get; set; }

    private void Enter(Phase phase)
    {
        CurrentState = phase;
        Become(phase switch
        {
            Phase.Connecting => Connecting,
            Phase.Restoring => Restoring,
            Phase.Ready => Ready,
            _ => Idle,
        });
    }

    private enum Phase
    {
        Idle,
        Connecting,
        Restoring,
        Ready,
    }

    /// <summary>Holds what a user sent until the session is ready; false when it was none of that.</summary>
    private bool HoldIfUserInput(object message)
    {
        switch (message)
        {
            case StartSession:
                return true;
            case IPendingRequest or AuthorizeAccount or ChangeSubscription or RefreshTokens:
                _held.Add(new Held(message, Sender));
                return true;
            case Unsent unsent:
                _held.Add(new Held(unsent.Request, Sender));
                return true;
            default:
                Unhandled(message);
                return false;
        }
    }

    private void OnConnectionState(ConnectionStateChanged changed)
    {
        if (changed.State == ConnectionState.Connected)
        {
            _connected = changed.Connection;
            if (CurrentState == Phase.Connecting)
            {
                StartAuthentication();
            }

            return;
        }

        _connected = 0;
        if (_epoch != 0)
        {
            OnConnectionLost();
        }

        if (CurrentState == Phase.Connecting && changed is { State: ConnectionState.Idle, Reason: { } reason })
        {
            GiveUp(reason); // the connection actor's retry policy gave up
        }
    }

    private void StartConnecting()
    {
        Enter(Phase.Connecting);
        if (_connected != 0)
        {
            StartAuthentication(); // up already: used by someone else, or the last start failed on it
            return;
        }

        var timeout = _wiring.Settings.RequestTimeout;
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _connection.Tell(new Connect(waiter, timeout, Deadlines.After(_time, timeout)));
        waiter.Task.PipeTo(Self, success: () => Status.Success.Instance, failure: e => new ConnectGaveUp(e));
    }

    private void StartAuthentication()
    {
        _epoch = _connected;
        _accounts.Epoch = _epoch;
        _status.CredentialsRefused = false;
        Enter(Phase.Restoring);
        _log.SessionRestoring(_epoch, _accounts.Count, _book.Count);
        _restoreStarted = _time.GetTimestamp();
        var epoch = _epoch;
        _link.AskAsync<ProtoOAApplicationAuthRes>(new ProtoOAApplicationAuthReq { ClientId = _settings.ClientId, ClientSecret = _settings.ClientSecret }, epoch)
            .PipeTo(Self, success: _ => new AppAuthenticated(epoch), failure: e => e is GatewayRejectedException { ErrorCode: "CH_CLIENT_ALREADY_AUTHENTICATED" }
                ? new AppAuthenticated(epoch)
                : new AppAuthFailed(epoch, e));
    }

    private void OnAppAuthenticated()
    {
        if (!_everReady)
        {
            EnterReady(); // the first time there is nothing to restore: accounts are authorized when first used
            return;
        }

        if (_accounts.StartRestore())
        {
            EnterReady();
        }
    }

    private void OnAppAuthFailed(Exception error)
    {
        if (error is GatewayConnectionException)
        {
            return; // the connection went: the state change that follows starts over
        }

        if (error is GatewayRejectedException rejected)
        {
            // Reconnecting would be refused again: the retry policy stops until the next call starts over.
            _status.CredentialsRefused = true;
            _log.ApplicationAuthFailed(rejected.ErrorCode);
        }
        else
        {
            _log.SessionRestoreFailed(_epoch, error.Message);
        }

        _epoch = 0;
        _accounts.Epoch = 0;
        GiveUp(error);
    }

    private void EnterReady()
    {
        Enter(Phase.Ready);
        if (_everReady)
        {
            _publisher.Tell(new SessionRestored(_status.Restored()));
        }

        _everReady = true;
        _log.SessionRestored(_epoch, _time.GetElapsedTime(_restoreStarted).TotalMilliseconds);
        foreach (var waiter in _readyWaiters)
        {
            waiter.Tell(SessionStarted.Instance);
        }

        _readyWaiters.Clear();
        _subscriptions.Restored();
        foreach (var held in _held.TakeAll())
        {
            HandleUserInput(held.Message, held.Sender, held.Returnable);
        }

        if (_tokens.Due)
        {
            _tokens.Refresh(_epoch);
        }
    }

    private void OnConnectionLost()
    {
        _epoch = 0;
        _accounts.ConnectionLost(_held);
        if (CurrentState == Phase.Ready || CurrentState == Phase.Restoring)
        {
            Enter(Phase.Connecting);
        }
    }

    /// <summary>No connection, or the application refused: whoever waits fails, and the next call starts over.</summary>
    private void GiveUp(Exception reason)
    {
        foreach (var held in _held.TakeAll())
        {
            AccountDesk.Fail(held, reason);
        }

        FailWaiters(reason);
        Enter(Phase.Idle);
    }

    private void FailWaiters(Exception reason)
    {
        foreach (var waiter in _readyWaiters)
        {
            waiter.Tell(new Status.Failure(reason));
        }

        _readyWaiters.Clear();
        _subscriptions.Fail(reason);
    }
}
