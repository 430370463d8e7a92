using ActorGateway.Correlation;
using ActorGateway.Diagnostics;
using ActorGateway.Resilience;
using ActorGateway.Throttling;
using Akka.Actor;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Actors;

/// <summary>
/// The actor that owns the connection: its states (idle, connecting, connected, backing off, stopping), the queue of
/// requests not yet written, the throttle, the write side of the transport, and the table of requests awaiting their
/// reply. Timers come from <see cref="IWithTimers"/>, so Akka's scheduler (or a test's virtual one) drives heartbeats,
/// deadlines, silence checks, connect timeouts and backoff. Its parent, the gateway actor, supervises it: when it
/// fails, every request it held ends with <see cref="ConnectionFailureKind.Faulted"/> and the restarted actor starts idle.
/// </summary>
internal sealed partial class ConnectionActor : CompletingActor, IWithTimers, IDisposable
{
    private readonly GatewayWiring _wiring;
    private readonly GatewaySettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly InboundFanout _receivers;
    private readonly GatewayMetrics _metrics;
    private readonly IOutboundThrottle _throttle;
    private readonly OutboundWriter _out;
    private readonly ConnectWaiters _connectWaiters = new();
    private readonly ReconnectBackoff _backoff;
    private readonly RequestBook _requests = new();
    private readonly RequestPump _pump;
    private readonly InboundRouter _inbound;
    private readonly ConnectAttempts _attempts;
    private Connection? _connection;
    private (Shutdown Shutdown, GatewayEndpoint Endpoint, GatewayConnectionException Reason)? _closing;

    public ConnectionActor(GatewayWiring wiring)
    {
        _wiring = wiring;
        _settings = wiring.Settings;
        _time = _settings.TimeProvider;
        _log = _settings.LoggerFactory.CreateLogger<ConnectionActor>();
        _receivers = new InboundFanout(wiring.Sinks, _log);
        _metrics = wiring.Metrics;
        _throttle = wiring.Throttle;
        var self = Self;
        _out = new OutboundWriter(_throttle, _time, () => self.Tell(Flush.Instance));
        _backoff = new ReconnectBackoff(_settings);
        _attempts = new ConnectAttempts(wiring);
        _inbound = new InboundRouter(_requests, _receivers, _backoff, _metrics, _time, _log);
        _pump = new RequestPump(_requests, _throttle, _out, _metrics, _time, _log,
            (rateClass, wait) => Timers.StartSingleTimer(ConnectionTimers.Throttle[(int)rateClass], new ThrottleReopened(rateClass), wait));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private ConnectionState State => _wiring.State.Value;

    public static Props Props(GatewayWiring wiring) => Akka.Actor.Props.Create(() => new ConnectionActor(wiring));

    protected override void PreStart()
    {
        Timers.StartPeriodicTimer(ConnectionTimers.Tick, Tick.Instance, _settings.TickInterval);
        EnterIdle();
    }

    protected override void PreRestart(Exception reason, object message)
    {
        // Whatever this instance held ends here, typed; the next instance starts with nothing and idle.
        var fault = new GatewayConnectionException(ConnectionFailureKind.Faulted,
            $"The connection actor failed ({reason.GetType().Name}).", reason);
        _log.ActorFault(message?.GetType().Name ?? "a message", reason);
        var endpoint = _connection?.Endpoint;
        CloseQuietly(fault);
        FailEverything(fault);
        if (endpoint is not null)
        {
            _receivers.OnDisconnected(endpoint, fault);
        }

        base.PreRestart(reason, message);
    }

    protected override void PostStop()
    {
        Dispose();
        var disposed = new GatewayConnectionException(ConnectionFailureKind.Disposed, "The gateway was stopped.");
        CloseQuietly(disposed);
        FailEverything(disposed);
    }

    protected override void OnReceive(object message) => Common(message);

    /// <summary>Called when the instance stops, or is replaced by a restart (which stops it first).</summary>
    // An attempt still under way is abandoned: cancelled, it closes what it opens rather than telling a dead actor.
    public void Dispose() => _attempts.Dispose();

    private void SetState(ConnectionState state, GatewayEndpoint? endpoint = null, GatewayConnectionException? reason = null)
    {
        if (State == state && reason is null)
        {
            return;
        }

        _wiring.State.Value = state;
        Context.Parent.Tell(new ConnectionStateChanged(state, endpoint, reason) { Connection = _attempts.Current });
    }

    /// <summary>What every state does alike.</summary>
    private void Common(object message)
    {
        switch (message)
        {
            case Tick:
                OnTick();
                break;
            case Shutdown shutdown:
                OnShutdown(shutdown);
                break;
            case TransportOpened stale:
                // An attempt abandoned (timed out, or the actor moved on): its transport is not wanted.
                _ = stale.Transport.DisposeAsync().AsTask();
                break;
            case FramesReceived stale:
                stale.Connection.ReturnCredit();
                break;
            case ConnectAttemptFailed or ConnectTimedOut or RetryDelayElapsed or FrameRejected or ConnectionBroken
                or WriteCompleted or Flush or ThrottleReopened:
                break; // outcomes of a connection or an attempt already left behind
            default:
                Unhandled(message);
                break;
        }
    }

    private void OnTick()
    {
        var now = _time.GetTimestamp();
        _connectWaiters.Sweep(now, _attempts.LastFailure);
        _requests.Sweep(now, _metrics, _connection is null ? _attempts.LastFailure : null);
        if (State == ConnectionState.Connected && _connection is { } connection)
        {
            connection.BreakIfSilent(_settings.ServerSilenceTimeout, now);
            if (_time.GetElapsedTime(_out.LastSent, now) >= _settings.HeartbeatInterval)
            {
                _pump.Heartbeat(connection);
            }
        }
    }

    private void OnShutdown(Shutdown shutdown)
    {
        SetState(ConnectionState.Disposed);
        Timers.CancelAll();
        _attempts.Cancel();
        var reason = new GatewayConnectionException(ConnectionFailureKind.Disposed, "The gateway client was disposed.");
        FailEverything(reason);
        CompletionBatch.DeliverHere();
        Become(Stopping);
        if (_connection is not { } connection)
        {
            shutdown.Done.TrySetResult();
            Context.Stop(Self);
            return;
        }

        _connection = null;
        connection.Break(reason);
        var self = Self;
        connection.DisposeAsync().AsTask().ContinueWith(_ => self.Tell(ConnectionClosed.Instance), TaskScheduler.Default);
        _closing = (shutdown, connection.Endpoint, reason);
    }

    private void Stopping(object message)
    {
        switch (message)
        {
            case ConnectionClosed when _closing is { } closing:
                _receivers.OnDisconnected(closing.Endpoint, closing.Reason);
                closing.Shutdown.Done.TrySetResult();
                Context.Stop(Self);
                break;
            case IPendingRequest request:
                request.TryFail(new GatewayConnectionException(ConnectionFailureKind.Disposed, "The gateway client was disposed."));
                break;
            case Connect connect:
                connect.Waiter.TrySetException(new ObjectDisposedException(nameof(GatewayClient)));
                break;
            case Shutdown shutdown:
                shutdown.Done.TrySetResult();
                break;
            case FramesReceived stale:
                stale.Connection.ReturnCredit();
                break;
        }
    }

    private void FailEverything(GatewayConnectionException reason)
    {
        _requests.FailAll(reason);
        _connectWaiters.Fail(reason);
    }

    private void CloseQuietly(GatewayConnectionException reason)
    {
        if (_connection is { } connection)
        {
            _connection = null;
            connection.Break(reason);
            _ = connection.DisposeAsync().AsTask();
        }
    }
}
