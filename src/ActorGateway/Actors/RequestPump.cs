using ActorGateway.Correlation;
using ActorGateway.Diagnostics;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Registry;
using ActorGateway.Throttling;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Actors;

/// <summary>
/// Moves the connection actor's requests from its book onto the wire, in order, as far as the throttle allows.
/// A refused grant arms the class's wake-up and sends what was granted at once, so its window starts as early as it can.
/// </summary>
internal sealed class RequestPump(RequestBook book, IOutboundThrottle throttle, OutboundWriter writer, GatewayMetrics metrics,
    TimeProvider time, ILogger log, Action<RateClass, TimeSpan> wakeUpAfter)
{
    private static readonly RateClass[] Classes = [RateClass.None, RateClass.Standard, RateClass.Historical];

    public void All(Connection connection)
    {
        foreach (var rateClass in Classes)
        {
            Pump(connection, rateClass);
        }
    }

    /// <summary>Writes the queued requests of one class, in order, as far as the throttle allows.</summary>
    public void Pump(Connection connection, RateClass rateClass) => Drain(connection, book.Queued(rateClass));

    public void Heartbeat(Connection connection)
    {
        FrameCodec.WriteRaw(writer.Writer, PayloadRegistry.HeartbeatEvent, []);
        log.HeartbeatSent();
        writer.Buffered(connection);
    }

    /// <summary>Writes from <paramref name="queue"/> while the throttle allows.</summary>
    private void Drain(Connection connection, Queue<IPendingRequest> queue)
    {
        while (connection.BreakReason is null && queue.TryPeek(out var request))
        {
            if (request.IsCompleted)
            {
                // Cancelled or timed out while queued: it is dropped and never sent.
                queue.Dequeue();
                continue;
            }

            // Asked in the same turn as the write that follows a grant: nothing can lapse in between.
            if (request.WriteGuard?.Invoke() is { } refusal)
            {
                queue.Dequeue();
                request.TryFail(refusal);
                continue;
            }

            if (!throttle.TryAcquire(request.RateClass, out var wait))
            {
                metrics.ThrottleWaited();
                wakeUpAfter(request.RateClass, wait);
                writer.Write(connection);
                return;
            }

            queue.Dequeue();
            Write(connection, request);
        }
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
