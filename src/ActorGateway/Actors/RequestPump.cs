using ActorGateway.Correlation;
using ActorGateway.Diagnostics;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Registry;
using ActorGateway.Throttling;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Actors;

/// <summary>
/// Moves the connection actor's requests from its book onto the wire, in order, as far as the throttle allows: a
/// session's restore requests first, and while the gate is closed (a session restoring a new connection) nothing else.
/// A refused grant arms the class's wake-up and sends what was granted at once, so its window starts as early as it can.
/// </summary>
internal sealed class RequestPump(RequestBook book, IOutboundThrottle throttle, OutboundWriter writer, GatewayMetrics metrics,
    TimeProvider time, ILogger log, Action<RateClass, TimeSpan> wakeUpAfter)
{
    private static readonly RateClass[] Classes = [RateClass.None, RateClass.Standard, RateClass.Historical];

    /// <summary>
    /// Closed on every connect when a session restores connections, so its restore traffic goes before any user request;
    /// opened by the session.
    /// </summary>
    public bool GateClosed { get; set; }

    public void All(Connection connection)
    {
        foreach (var rateClass in Classes)
        {
            Pump(connection, rateClass);
        }
    }

    /// <summary>Writes the queued requests of one class, in order, as far as the throttle allows.</summary>
    public void Pump(Connection connection, RateClass rateClass)
    {
        if (Drain(connection, book.Restore) && !GateClosed)
        {
            Drain(connection, book.Queued(rateClass));
        }
    }

    /// <summary>A session's restore request: written ahead of everything queued, gate or no gate.</summary>
    public void Restore(Connection connection, IPendingRequest request)
    {
        book.Restore.Enqueue(request);
        Drain(connection, book.Restore);
    }

    public void Heartbeat(Connection connection)
    {
        FrameCodec.WriteRaw(writer.Writer, PayloadRegistry.HeartbeatEvent, []);
        log.HeartbeatSent();
        writer.Buffered(connection);
    }

    /// <summary>Writes from <paramref name="queue"/> while the throttle allows; true when nothing is left waiting.</summary>
    private bool Drain(Connection connection, Queue<IPendingRequest> queue)
    {
        while (connection.BreakReason is null && queue.TryPeek(out var request))
        {
            if (request.IsCompleted)
            {
                // Cancelled or timed out while queued: it is dropped and never sent.
                queue.Dequeue();
                continue;
            }

            if (!throttle.TryAcquire(request.RateClass, out var wait))
            {
                metrics.ThrottleWaited();
                wakeUpAfter(request.RateClass, wait);
                writer.Write(connection);
                return false;
            }

            queue.Dequeue();
            Write(connection, request);
        }

        return queue.Count == 0;
    }

    private void Write(Connection connection, IPendingRequest request)
    {
        try
        {
            request.WriteTo(writer.Writer);
        }
        catch (ProtocolException e)
        {
            log.RequestNotEncodable(request.PayloadType, e.Message);
            request.TryFail(new GatewayProtocolException($"The request cannot be sent: {e.Message}", e));
            return;
        }

        metrics.RequestWritten();
        if (request.OnWritten(metrics.MeasuresLatency ? time.GetTimestamp() : 0))
        {
            book.AwaitReply(request);
        }

        writer.Buffered(connection);
    }
}
