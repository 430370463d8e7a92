using ActorGateway.Correlation;
using ActorGateway.Diagnostics;
using ActorGateway.Resilience;
using Akka.Actor;

namespace ActorGateway.Actors;

internal sealed partial class ConnectionActor
{
    private readonly List<Connect> _connectWaiters = [];
    private CancellationTokenSource? _attemptCancel;
    private GatewayConnectionException? _lastConnectFailure; // why the last attempt failed, for requests timing out meanwhile
    private int _attempt;        // numbers connection attempts, so a late outcome of an abandoned one is recognised
    private int _failures;       // consecutive failures since the last healthy connection
    private long _troubleSince;  // when the client last lost a healthy connection (or first failed to get one)
    private long _connectedAt;
    private int _repliesOnConnection;
    private int _nextEndpoint;
    private bool _everConnected;

    private void EnterIdle()
    {
        SetState(ConnectionState.Idle);
        Become(Idle);
    }

    private void Idle(object message)
    {
        switch (message)
        {
            case IPendingRequest request when !request.BypassesGate:
                Enqueue(request);
                StartAttempt();
                break;
            case Connect connect:
                _connectWaiters.Add(connect);
                StartAttempt();
                break;
            default:
                Disconnected(message);
                break;
        }
    }

    private void Connecting(object message)
    {
        switch (message)
        {
            case TransportOpened opened when opened.Attempt == _attempt:
                OnTransportOpened(opened);
                break;
            case ConnectAttemptFailed failed when failed.Attempt == _attempt:
                OnConnectAttemptFailed(failed.Reason, failed.Endpoint);
                break;
            case ConnectTimedOut timedOut when timedOut.Attempt == _attempt:
                // The attempt's own task sees the cancellation and reports the failure with the timeout's wording.
                _attemptCancel?.Cancel();
                break;
            default:
                Disconnected(message);
                break;
        }
    }

    private void BackingOff(object message)
    {
        if (message is RetryDelayElapsed)
        {
            StartAttempt();
        }
        else
        {
            Disconnected(message);
        }
    }

    /// <summary>What every state without a connection does alike.</summary>
    private void Disconnected(object message)
    {
        switch (message)
        {
            case IPendingRequest request:
                OnRequestWhileDisconnected(request);
                break;
            case Connect connect:
                _connectWaiters.Add(connect);
                break;
            default:
                Common(message);
                break;
        }
    }

    private void OnRequestWhileDisconnected(IPendingRequest request)
    {
        if (request.BypassesGate)
        {
            // A restore request belongs to the connection it was made for; on the next one the session starts over.
            request.TryFail(new GatewayConnectionException(ConnectionFailureKind.NotConnected,
                "The restore request was not written: the connection it was made for is gone."));
            return;
        }

        Enqueue(request);
    }

    private void StartAttempt()
    {
        var endpoint = _settings.Endpoints[_nextEndpoint];
        _nextEndpoint = (_nextEndpoint + 1) % _settings.Endpoints.Count;
        _log.Connecting(endpoint, _failures + 1);
        SetState(ConnectionState.Connecting, endpoint);
        Become(Connecting);
        var attempt = _attempt = _wiring.NextAttempt();
        _attemptCancel?.Dispose();
        _attemptCancel = new CancellationTokenSource();
        Timers.StartSingleTimer(TimerKeys.ConnectTimeout, new ConnectTimedOut(attempt), _settings.ConnectTimeout);
        var self = Self;
        var token = _attemptCancel.Token;
        // Off the actor's turn, so it keeps serving timeouts and cancellations while a connection is being made.
        _ = Task.Run(async () =>
        {
            var outcome = await TryConnectAsync(endpoint, attempt, token).ConfigureAwait(false);
            if (outcome is TransportOpened late && token.IsCancellationRequested)
            {
                // Abandoned (timed out, or the actor stopped) just as it opened: nobody will take this transport.
                await late.Transport.DisposeAsync().ConfigureAwait(false);
                return;
            }

            self.Tell(outcome);
        }, CancellationToken.None);
    }

    private async Task<object> TryConnectAsync(GatewayEndpoint endpoint, int attempt, CancellationToken timedOut)
    {
        try
        {
            var transport = await _settings.TransportFactory.ConnectAsync(endpoint.Host, endpoint.Port, timedOut).ConfigureAwait(false);
            return new TransportOpened(transport, endpoint, attempt);
        }
        catch (OperationCanceledException) when (timedOut.IsCancellationRequested)
        {
            return new ConnectAttemptFailed(new GatewayConnectionException(ConnectionFailureKind.ConnectFailed,
                $"Connecting to {endpoint} took longer than {_settings.ConnectTimeout.TotalSeconds:0.###} s."), endpoint, attempt);
        }
        catch (GatewayConnectionException e)
        {
            return new ConnectAttemptFailed(e, endpoint, attempt);
        }
        catch (Exception e)
        {
            return new ConnectAttemptFailed(new GatewayConnectionException(ConnectionFailureKind.ConnectFailed,
                $"Could not connect to {endpoint}: {e.Message}", e), endpoint, attempt);
        }
    }

    private void OnTransportOpened(TransportOpened opened)
    {
        Timers.Cancel(TimerKeys.ConnectTimeout);
        var connection = new Connection(opened.Transport, opened.Endpoint, Self, _time, _settings.MaxFrameSize);
        _connection = connection;
        _connectedAt = _lastSent = _time.GetTimestamp();
        _repliesOnConnection = 0;
        _lastConnectFailure = null;
        if (_everConnected)
        {
            _metrics.Reconnected();
        }

        _everConnected = true;
        _gateClosed = _settings.HoldRequestsUntilRestored;
        Become(Connected);
        SetState(ConnectionState.Connected, opened.Endpoint);
        connection.Start();
        _log.Connected(opened.Endpoint);
        foreach (var sink in _sinks)
        {
            sink.OnConnected(opened.Endpoint, opened.Attempt);
        }

        foreach (var waiter in _connectWaiters)
        {
            waiter.Waiter.TrySetResult();
        }

        _connectWaiters.Clear();
        PumpAll();
    }

    private void OnConnectAttemptFailed(GatewayConnectionException reason, GatewayEndpoint endpoint)
    {
        Timers.Cancel(TimerKeys.ConnectTimeout);
        _log.ConnectFailed(endpoint, reason.Kind, reason.Message);
        _lastConnectFailure = reason;
        var previousFailures = _failures;
        ScheduleRetry(reason, endpoint);
        // Raised after the next step is decided, so a handler already sees the state the client went on to.
        foreach (var sink in _sinks)
        {
            sink.OnConnectFailed(endpoint, reason, previousFailures);
        }
    }

    private void OnConnectionBroken(Connection connection)
    {
        var reason = connection.BreakReason!;
        _connection = null;
        _out.Reset();
        _ = connection.DisposeAsync().AsTask();
        FailInFlight(reason);
        FailRestoreQueue(reason);
        if (_settings.QueuedRequests == QueuedRequestPolicy.Fail)
        {
            FailQueued(ConnectionFailureKind.NotConnected,
                $"The request was never written: the connection was lost ({reason.Message}).", reason);
        }

        _log.Disconnected(connection.Endpoint, reason.Kind, reason.Message);
        // A connection that served requests, or stayed up long enough, was a good session: backoff starts over.
        if (_repliesOnConnection > 0 || _time.GetElapsedTime(_connectedAt) >= _settings.HealthyAfter || _troubleSince == 0)
        {
            _failures = 0;
            _troubleSince = _time.GetTimestamp();
        }

        ScheduleRetry(reason, connection.Endpoint);
        foreach (var sink in _sinks)
        {
            sink.OnDisconnected(connection.Endpoint, reason);
        }
    }

    private void ScheduleRetry(GatewayConnectionException reason, GatewayEndpoint endpoint)
    {
        if (_troubleSince == 0)
        {
            _troubleSince = _time.GetTimestamp();
        }

        var delay = _settings.ReconnectEnabled
            ? _settings.RetryPolicy.NextRetryDelay(new RetryContext(_failures, _time.GetElapsedTime(_troubleSince), reason))
            : null;
        _failures++;
        if (delay is not { } wait)
        {
            GiveUp(reason, endpoint);
            return;
        }

        _log.ReconnectScheduled(wait, _failures);
        if (wait <= TimeSpan.Zero)
        {
            StartAttempt();
            return;
        }

        SetState(ConnectionState.WaitingToReconnect, endpoint, reason);
        Become(BackingOff);
        Timers.StartSingleTimer(TimerKeys.Retry, RetryDelayElapsed.Instance, wait);
    }

    private void GiveUp(GatewayConnectionException reason, GatewayEndpoint endpoint)
    {
        if (_settings.ReconnectEnabled)
        {
            _log.ReconnectAbandoned(_failures);
        }

        _failures = 0;
        _troubleSince = 0;
        FailQueued(reason.Kind, $"Not connected: {reason.Message}", reason);
        FailConnectWaiters(new GatewayConnectionException(reason.Kind, $"Not connected: {reason.Message}", reason));
        SetState(ConnectionState.Idle, endpoint, reason);
        Become(Idle);
    }

    private void FailConnectWaiters(Exception error)
    {
        foreach (var waiter in _connectWaiters)
        {
            waiter.Waiter.TrySetException(error);
        }

        _connectWaiters.Clear();
    }

    // A connect call waits through failed attempts, but not for ever: at its deadline it learns why they failed.
    private void SweepConnectWaiters(long now)
    {
        foreach (var waiter in _connectWaiters.Where(w => w.Deadline <= now))
        {
            waiter.Waiter.TrySetException(RequestErrors.TimedOut("Connecting", waiter.Timeout, written: false, _lastConnectFailure));
        }

        _connectWaiters.RemoveAll(w => w.Deadline <= now);
    }
}
