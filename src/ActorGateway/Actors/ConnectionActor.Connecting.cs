using ActorGateway.Diagnostics;
using ActorGateway.Resilience;

namespace ActorGateway.Actors;

internal sealed partial class ConnectionActor
{
    private readonly List<TaskCompletionSource> _connectWaiters = [];
    private int _attempt;      // numbers connection attempts, so a late outcome of an abandoned one is recognised
    private int _failures;     // consecutive failures since the last healthy connection
    private long _troubleSince; // when the client last lost a healthy connection (or first failed to get one)
    private long _connectedAt;
    private int _nextEndpoint;
    private bool _everConnected;

    private void OnConnect(Connect connect)
    {
        switch (State)
        {
            case ConnectionState.Connected:
                connect.Waiter.TrySetResult();
                break;
            case ConnectionState.Disposed:
                connect.Waiter.TrySetException(new ObjectDisposedException(nameof(GatewayClient)));
                break;
            case ConnectionState.Idle:
                _connectWaiters.Add(connect.Waiter);
                StartAttempt();
                break;
            default:
                _connectWaiters.Add(connect.Waiter);
                break;
        }
    }

    private void StartAttempt()
    {
        SetState(ConnectionState.Connecting);
        var endpoint = _settings.Endpoints[_nextEndpoint];
        _nextEndpoint = (_nextEndpoint + 1) % _settings.Endpoints.Count;
        _log.Connecting(endpoint, _failures + 1);
        _ = AttemptAsync(endpoint, ++_attempt);
    }

    // Runs off the loop so the actor keeps serving timeouts and cancellations while a connection is being made.
    private async Task AttemptAsync(GatewayEndpoint endpoint, int attempt)
    {
        var outcome = await TryConnectAsync(endpoint, attempt).ConfigureAwait(false);
        if (!Post(outcome) && outcome is TransportOpened orphan)
        {
            await orphan.Transport.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<IConnectionMessage> TryConnectAsync(GatewayEndpoint endpoint, int attempt)
    {
        using var timeout = new CancellationTokenSource(_settings.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stopping.Token);
        try
        {
            var transport = await _settings.TransportFactory.ConnectAsync(endpoint.Host, endpoint.Port, linked.Token).ConfigureAwait(false);
            return new TransportOpened(transport, endpoint, attempt);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
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

    private async ValueTask OnTransportOpenedAsync(TransportOpened opened)
    {
        if (State != ConnectionState.Connecting || opened.Attempt != _attempt)
        {
            await opened.Transport.DisposeAsync().ConfigureAwait(false);
            return;
        }

        var connection = new Connection(opened.Transport, opened.Endpoint, _mailbox.Writer, _time, _settings.MaxFrameSize);
        Volatile.Write(ref _connection, connection);
        _output = opened.Transport.Output;
        _connectedAt = _lastSent = _time.GetTimestamp();
        if (_everConnected)
        {
            _metrics.Reconnected();
        }

        _everConnected = true;
        SetState(ConnectionState.Connected);
        _gateClosed = _settings.HoldRequestsUntilRestored;
        connection.Start();
        _log.Connected(opened.Endpoint);
        _sink.OnConnected(opened.Endpoint, opened.Attempt);
        foreach (var waiter in _connectWaiters)
        {
            waiter.TrySetResult();
        }

        _connectWaiters.Clear();
        PumpAll();
    }

    private void OnConnectAttemptFailed(ConnectAttemptFailed failed)
    {
        if (State != ConnectionState.Connecting || failed.Attempt != _attempt)
        {
            return;
        }

        _log.ConnectFailed(failed.Endpoint, failed.Reason.Kind, failed.Reason.Message);
        var previousFailures = _failures;
        ScheduleRetry(failed.Reason);
        // Raised after the next step is decided, so a handler already sees the state the client went on to.
        _sink.OnConnectFailed(failed.Endpoint, failed.Reason, previousFailures);
    }

    private async ValueTask OnConnectionBrokenAsync(ConnectionBroken broken)
    {
        if (broken.Connection != _connection || State != ConnectionState.Connected)
        {
            return;
        }

        var connection = broken.Connection;
        var reason = connection.BreakReason!;
        Volatile.Write(ref _connection, null);
        _output = null;
        _unflushedBytes = 0;
        SetState(ConnectionState.WaitingToReconnect);
        await connection.DisposeAsync().ConfigureAwait(false);
        FailInFlight(reason);
        FailRestoreQueue(reason);
        if (_settings.QueuedRequests == QueuedRequestPolicy.Fail)
        {
            FailQueued(ConnectionFailureKind.NotConnected,
                $"The request was never written: the connection was lost ({reason.Message}).", reason);
        }

        _log.Disconnected(connection.Endpoint, reason.Kind, reason.Message);
        if (_time.GetElapsedTime(_connectedAt) >= _settings.HealthyAfter || _troubleSince == 0)
        {
            _failures = 0;
            _troubleSince = _time.GetTimestamp();
        }

        ScheduleRetry(reason);
        _sink.OnDisconnected(connection.Endpoint, reason);
    }

    private void ScheduleRetry(GatewayConnectionException reason)
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
            GiveUp(reason);
            return;
        }

        _log.ReconnectScheduled(wait, _failures);
        if (wait <= TimeSpan.Zero)
        {
            StartAttempt();
            return;
        }

        SetState(ConnectionState.WaitingToReconnect);
        _retryTimer.Change(wait, Timeout.InfiniteTimeSpan);
    }

    private void OnRetryDelayElapsed()
    {
        if (State == ConnectionState.WaitingToReconnect)
        {
            StartAttempt();
        }
    }

    private void GiveUp(GatewayConnectionException reason)
    {
        if (_settings.ReconnectEnabled)
        {
            _log.ReconnectAbandoned(_failures);
        }

        SetState(ConnectionState.Idle);
        _failures = 0;
        _troubleSince = 0;
        FailQueued(reason.Kind, $"Not connected: {reason.Message}", reason);
        FailConnectWaiters(new GatewayConnectionException(reason.Kind, $"Not connected: {reason.Message}", reason));
    }

    private void FailConnectWaiters(Exception error)
    {
        foreach (var waiter in _connectWaiters)
        {
            waiter.TrySetException(error);
        }

        _connectWaiters.Clear();
    }
}
