using System.Globalization;
using ActorGateway.Diagnostics;
using ActorGateway.Protocol.Registry;

namespace ActorGateway.Correlation;

/// <summary>
/// The requests one connection actor holds: those not yet written, in a FIFO per rate class (so a throttled class holds
/// back only itself), and those written awaiting their reply, by
/// numeric clientMsgId. It decides nothing about sending; it keeps order and ends requests, each exactly once.
/// </summary>
internal sealed class RequestBook
{
    private readonly Queue<IPendingRequest>[] _queued = [new(), new(), new()];
    private readonly Dictionary<long, IPendingRequest> _inFlight = [];

    /// <summary>The requests of <paramref name="rateClass"/> not yet written, oldest first.</summary>
    public Queue<IPendingRequest> Queued(RateClass rateClass) => _queued[(int)rateClass];

    public void Enqueue(IPendingRequest request) => _queued[(int)request.RateClass].Enqueue(request);

    /// <summary>A request now on the wire waits for its reply.</summary>
    public void AwaitReply(IPendingRequest request) => _inFlight[request.Id] = request;

    /// <summary>Takes the request in flight that a message with this id and payload type answers, if there is one.</summary>
    public IPendingRequest? TryTake(string? clientMsgId, uint payloadType)
    {
        // Our ids are decimal numbers, so a lookup parses instead of hashing the string.
        if (clientMsgId is null
            || !long.TryParse(clientMsgId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !_inFlight.Remove(id, out var request))
        {
            return null;
        }

        if (!request.IsAnsweredBy(payloadType))
        {
            // Rare: a message carrying the id that does not end the request; put it back.
            _inFlight[id] = request;
            return null;
        }

        return request;
    }

    /// <summary>
    /// Times out every request whose deadline is at or before <paramref name="now"/>, counted in
    /// <paramref name="metrics"/>, and forgets those that ended by other means (cancelled) meanwhile.
    /// </summary>
    /// <param name="now">The time, as a timestamp of the gateway's clock.</param>
    /// <param name="metrics">Counts the timeouts.</param>
    /// <param name="cause">Why no connection is there, when none is: a request that never left ends with it, not just
    /// with the clock.</param>
    public void Sweep(long now, GatewayMetrics metrics, GatewayConnectionException? cause)
    {
        foreach (var (id, request) in _inFlight)
        {
            if (request.IsCompleted || (request.Deadline <= now && TimeOut(request, metrics, cause)))
            {
                _inFlight.Remove(id);
            }
        }

        foreach (var queue in _queued)
        {
            // Rotating the queue once keeps its order and drops what has ended, so a long outage does not pile up garbage.
            for (var n = queue.Count; n > 0; n--)
            {
                var request = queue.Dequeue();
                if (request.Deadline <= now)
                {
                    TimeOut(request, metrics, cause);
                }

                if (!request.IsCompleted)
                {
                    queue.Enqueue(request);
                }
            }
        }
    }

    private static bool TimeOut(IPendingRequest request, GatewayMetrics metrics, GatewayConnectionException? cause)
    {
        // Counted before it ends, so whoever awaits the request already sees it counted.
        if (!request.IsCompleted)
        {
            metrics.TimedOut();
        }

        return request.TryTimeOut(cause);
    }

    /// <summary>Fails every written request: the connection they went out on is gone, and they may have reached the server.</summary>
    public void FailInFlight(GatewayConnectionException reason)
    {
        foreach (var request in _inFlight.Values)
        {
            request.TryFail(new GatewayConnectionException(reason.Kind,
                $"The connection was lost before the reply came ({reason.Message}); the request may have reached the server.", reason,
                written: true));
        }

        _inFlight.Clear();
    }

    /// <summary>Fails every request not yet written.</summary>
    public void FailQueued(ConnectionFailureKind kind, string message, Exception? cause)
    {
        foreach (var queue in _queued)
        {
            while (queue.TryDequeue(out var request))
            {
                request.TryFail(new GatewayConnectionException(kind, message, cause));
            }
        }
    }

    /// <summary>
    /// Ends what the lost connection leaves: written requests fail (they may have reached the server), those bound to it
    /// but unwritten go back to <paramref name="giveBack"/> in order, and the rest wait for the next connection or fail,
    /// as <paramref name="policy"/> says.
    /// </summary>
    public void ConnectionLost(GatewayConnectionException reason, QueuedRequestPolicy policy, Action<IPendingRequest> giveBack)
    {
        FailInFlight(reason);
        foreach (var bound in TakeBound())
        {
            giveBack(bound);
        }

        if (policy == QueuedRequestPolicy.Fail)
        {
            FailQueued(ConnectionFailureKind.NotConnected, $"The request was never written: the connection was lost ({reason.Message}).", reason);
        }
    }

    /// <summary>Fails everything, written or not.</summary>
    public void FailAll(GatewayConnectionException reason)
    {
        FailInFlight(reason);
        FailQueued(reason.Kind, reason.Message, reason.InnerException);
    }

    /// <summary>Takes out, in order, the requests not yet written that were bound to the connection just lost.</summary>
    private List<IPendingRequest> TakeBound()
    {
        var bound = new List<IPendingRequest>();
        foreach (var queue in _queued)
        {
            for (var n = queue.Count; n > 0; n--)
            {
                var request = queue.Dequeue();
                if (request.BoundTo != 0)
                {
                    bound.Add(request);
                }
                else
                {
                    queue.Enqueue(request);
                }
            }
        }

        return bound;
    }
}
