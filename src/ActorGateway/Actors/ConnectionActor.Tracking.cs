using ActorGateway.Correlation;

namespace ActorGateway.Actors;

internal sealed partial class ConnectionActor
{
    // Written requests awaiting their reply, by numeric clientMsgId.
    private readonly Dictionary<long, IPendingRequest> _inFlight = [];

    private void SweepDeadlines(long now)
    {
        SweepConnectWaiters(now);
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

        // A request that never left because no connection could be made ends with why, not just with the clock.
        return request.TryTimeOut(_connection is null ? _lastConnectFailure : null);
    }

    private void FailInFlight(GatewayConnectionException reason)
    {
        foreach (var request in _inFlight.Values)
        {
            request.TryFail(new GatewayConnectionException(reason.Kind,
                $"The connection was lost before the reply came ({reason.Message}); the request may have reached the server.", reason,
                written: true));
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
}
