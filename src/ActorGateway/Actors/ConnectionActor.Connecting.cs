using ActorGateway.Correlation;
using ActorGateway.Diagnostics;
using Akka.Actor;

namespace ActorGateway.Actors;

internal sealed partial class ConnectionActor
{
    private void EnterIdle()
    {
        SetState(ConnectionState.Idle);
        Become(Idle);
    }

    private void Idle(object message)
    {
        switch (message)
        {
            case IPendingRequest { BoundTo: 0 } request:
                _requests.Enqueue(request);
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
            case TransportOpened opened when opened.Attempt == _attempts.Current:
                OnTransportOpened(opened);
                break;
            case ConnectAttemptFailed failed when failed.Attempt == _attempts.Current:
                OnConnectAttemptFailed(failed.Reason, failed.Endpoint);
                break;
            case ConnectTimedOut timedOut when timedOut.Attempt == _attempts.Current:
                // The attempt's own task sees the cancellation and reports the failure with the timeout's wording.
                _attempts.Cancel();
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
        if (request.BoundTo != 0)
        {
            Unsent.GiveBack(request);
            return;
        }

        _requests.Enqueue(request);
    }

    private void StartAttempt()
    {
        var endpoint = _backoff.NextEndpoint();
        _log.Connecting(endpoint, _backoff.Failures + 1);
        SetState(ConnectionState.Connecting, endpoint);
        Become(Connecting);
        var attempt = _attempts.Start(endpoint, Self);
        Timers.StartSingleTimer(ConnectionTimers.ConnectTimeout, new ConnectTimedOut(attempt), _settings.ConnectTimeout);
    }

    private void OnTransportOpened(TransportOpened opened)
    {
        Timers.Cancel(ConnectionTimers.ConnectTimeout);
        var connection = new Connection(opened.Transport, opened.Endpoint, Self, _time, _settings.MaxFrameSize);
        _connection = connection;
        _out.Reset();
        _attempts.LastFailure = null;
        if (_backoff.EverConnected)
        {
            _metrics.Reconnected();
        }

        _backoff.Connected();
        Become(Connected);
        SetState(ConnectionState.Connected, opened.Endpoint);
        connection.Start();
        _log.Connected(opened.Endpoint);
        _receivers.OnConnected(opened.Endpoint, opened.Attempt);

        _connectWaiters.Connected();
        _pump.All(connection);
    }

    private void OnConnectAttemptFailed(GatewayConnectionException reason, GatewayEndpoint endpoint)
    {
        Timers.Cancel(ConnectionTimers.ConnectTimeout);
        _log.ConnectFailed(endpoint, reason.Kind, reason.Message);
        _attempts.LastFailure = reason;
        var previousFailures = _backoff.Failures;
        ScheduleRetry(reason, endpoint);
        // Raised after the next step is decided, so a handler already sees the state the client went on to.
        _receivers.OnConnectFailed(endpoint, reason, previousFailures);
    }

    private void OnConnectionBroken(Connection connection)
    {
        var reason = connection.BreakReason!;
        _connection = null;
        _ = connection.DisposeAsync().AsTask();
        _requests.ConnectionLost(reason, _settings.QueuedRequests, Unsent.GiveBack);

        _log.Disconnected(connection.Endpoint, reason.Kind, reason.Message);
        _backoff.ConnectionLost();
        ScheduleRetry(reason, connection.Endpoint);
        _receivers.OnDisconnected(connection.Endpoint, reason);
    }

    private void ScheduleRetry(GatewayConnectionException reason, GatewayEndpoint endpoint)
    {
        if (_backoff.NextDelay(reason) is not { } wait)
        {
            GiveUp(reason, endpoint);
            return;
        }

        _log.ReconnectScheduled(wait, _backoff.Failures);
        if (wait <= TimeSpan.Zero)
        {
            StartAttempt();
            return;
        }

        SetState(ConnectionState.WaitingToReconnect, endpoint, reason);
        Become(BackingOff);
        Timers.StartSingleTimer(ConnectionTimers.Retry, RetryDelayElapsed.Instance, wait);
    }

    private void GiveUp(GatewayConnectionException reason, GatewayEndpoint endpoint)
    {
        if (_settings.ReconnectEnabled)
        {
            _log.ReconnectAbandoned(_backoff.Failures);
        }

        _backoff.Reset();
        _requests.FailQueued(reason.Kind, $"Not connected: {reason.Message}", reason);
        _connectWaiters.Fail(new GatewayConnectionException(reason.Kind, $"Not connected: {reason.Message}", reason));
        SetState(ConnectionState.Idle, endpoint, reason);
        Become(Idle);
    }
}
