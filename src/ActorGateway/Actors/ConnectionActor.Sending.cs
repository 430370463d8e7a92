using ActorGateway.Correlation;
using ActorGateway.Diagnostics;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Registry;

namespace ActorGateway.Actors;

internal sealed partial class ConnectionActor
{
    // Requests not yet written, one FIFO per rate class (indexed by RateClass), so a throttled class holds back only itself.
    private readonly Queue<IPendingRequest>[] _queues;
    private readonly ITimer[] _throttleTimers;

    // Written requests awaiting their reply, by numeric clientMsgId.
    private readonly Dictionary<long, IPendingRequest> _inFlight = [];

    private void OnRequest(IPendingRequest request)
    {
        if (request.BypassesGate)
        {
            OnRestoreRequest(request);
            return;
        }

        switch (State)
        {
            case ConnectionState.Disposed:
                request.TryFail(new GatewayConnectionException(ConnectionFailureKind.Disposed, "The gateway client was disposed."));
                return;
            case ConnectionState.Idle:
                _queues[(int)request.RateClass].Enqueue(request);
                StartAttempt();
                return;
            case ConnectionState.Connected:
                _queues[(int)request.RateClass].Enqueue(request);
                Pump(request.RateClass);
                return;
            default:
                _queues[(int)request.RateClass].Enqueue(request);
                return;
        }
    }

    private void PumpAll()
    {
        foreach (var rateClass in (ReadOnlySpan<RateClass>)[RateClass.None, RateClass.Standard, RateClass.Historical])
        {
            Pump(rateClass);
        }
    }

    /// <summary>Writes the queued requests of one class, in order, as far as the throttle allows.</summary>
    private void Pump(RateClass rateClass)
    {
        if (!PumpRestoreQueue() || _gateClosed)
        {
            return;
        }

        var queue = _queues[(int)rateClass];
        while (State == ConnectionState.Connected && queue.TryPeek(out var request))
        {
            if (request.IsCompleted)
            {
                // Cancelled or timed out while queued: it is dropped and never sent.
                queue.Dequeue();
                continue;
            }

            if (!_throttle.TryAcquire(rateClass, out var wait))
            {
                _metrics.ThrottleWaited();
                _throttleTimers[(int)rateClass].Change(wait, Timeout.InfiniteTimeSpan);
                return;
            }

            queue.Dequeue();
            Write(request);
        }
    }

    private void Write(IPendingRequest request)
    {
        try
        {
            _unflushedBytes += request.WriteTo(_output!);
        }
        catch (ProtocolException e)
        {
            _log.RequestNotEncodable(request.PayloadType, e.Message);
            request.TryFail(new GatewayProtocolException($"The request cannot be sent: {e.Message}", e));
            return;
        }
        catch (Exception e) when (_connection is { } connection)
        {
            // The transport refused the bytes: the request may be partly written, and the connection with it is done for.
            var reason = new GatewayConnectionException(ConnectionFailureKind.ConnectionLost,
                $"Writing to {connection.Endpoint} failed: {e.Message}", e);
            request.TryFail(reason);
            connection.Break(reason);
            return;
        }

        _metrics.RequestWritten();
        if (request.OnWritten(_metrics.MeasuresLatency ? _time.GetTimestamp() : 0))
        {
            _inFlight[request.Id] = request;
        }
    }

    private void WriteHeartbeat()
    {
        _unflushedBytes += FrameCodec.WriteRaw(_output!, PayloadRegistry.HeartbeatEvent, []);
        _log.HeartbeatSent();
    }

    private async ValueTask FlushAsync()
    {
        if (_unflushedBytes == 0 || _output is not { } output || _connection is not { } connection)
        {
            return;
        }

        _unflushedBytes = 0;
        _lastSent = _time.GetTimestamp();
        try
        {
            var result = await output.FlushAsync(connection.Closing).ConfigureAwait(false);
            // The throttle counts what it allowed from now: a burst flushed late must not let the next one in early.
            _throttle.MarkSent(_time.GetTimestamp());
            if (result.IsCompleted)
            {
                connection.Break(new GatewayConnectionException(ConnectionFailureKind.ConnectionLost,
                    $"{connection.Endpoint} stopped reading."));
            }
        }
        catch (OperationCanceledException) when (connection.Closing.IsCancellationRequested)
        {
            // Broken while flushing; the actor hears of it through ConnectionBroken.
        }
        catch (Exception e)
        {
            connection.Break(new GatewayConnectionException(ConnectionFailureKind.ConnectionLost,
                $"Writing to {connection.Endpoint} failed: {e.Message}", e));
        }
    }

    private void SweepDeadlines(long now)
    {
        foreach (var (id, request) in _inFlight)
        {
            if (request.IsCompleted || (request.Deadline <= now && TimeOut(request)))
            {
                _inFlight.Remove(id);
            }
        }

        foreach (var queue in _queues)
        {
            // Rotating the queue once keeps its order and drops what has ended, so a long outage does not pile up garbage.
            for (var n = queue.Count; n > 0; n--)
            {
                var request = queue.Dequeue();
                if (request.Deadline <= now)
                {
                    TimeOut(request);
                }

                if (!request.IsCompleted)
                {
                    queue.Enqueue(request);
                }
            }
        }
    }

    private bool TimeOut(IPendingRequest request)
    {
        // Counted before it ends, so whoever awaits the request already sees it counted.
        if (!request.IsCompleted)
        {
            _metrics.TimedOut();
        }

        return request.TryTimeOut();
    }

    private void FailInFlight(GatewayConnectionException reason)
    {
        foreach (var request in _inFlight.Values)
        {
            request.TryFail(new GatewayConnectionException(reason.Kind,
                $"The connection was lost before the reply came ({reason.Message}); the request may have reached the server.", reason));
        }

        _inFlight.Clear();
    }

    private void FailQueued(ConnectionFailureKind kind, string message, Exception? cause)
    {
        foreach (var queue in _queues)
        {
            while (queue.TryDequeue(out var request))
            {
                request.TryFail(new GatewayConnectionException(kind, message, cause));
            }
        }
    }

    private ITimer CreateThrottleTimer(RateClass rateClass) => _time.CreateTimer(
        static state =>
        {
            var (actor, reopened) = ((ConnectionActor, ThrottleReopened))state!;
            actor.Post(reopened);
        },
        (this, new ThrottleReopened(rateClass)), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
}
