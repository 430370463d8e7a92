using ActorGateway.Correlation;
using ActorGateway.Diagnostics;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Registry;
using Akka.Actor;

namespace ActorGateway.Actors;

internal sealed partial class ConnectionActor
{
    // Requests not yet written, one FIFO per rate class (indexed by RateClass), so a throttled class holds back only itself.
    private readonly Queue<IPendingRequest>[] _queues;
    private readonly OutboundBuffer _out = new();

    private void Connected(object message)
    {
        switch (message)
        {
            case FramesReceived received when received.Connection == _connection:
                OnFrames(received.Frames);
                received.Connection.ReturnCredit();
                break;
            case IPendingRequest request:
                OnRequest(request);
                break;
            case Flush:
                _out.FlushScheduled = false;
                StartWrite();
                break;
            case WriteCompleted written when written.Connection == _connection:
                OnWritten(written.Mark, written.Timestamp);
                break;
            case ThrottleReopened reopened:
                Pump(reopened.RateClass);
                break;
            case FrameRejected rejected when rejected.Connection == _connection:
                OnFrameRejected(rejected.Error);
                break;
            case ConnectionBroken broken when broken.Connection == _connection:
                OnConnectionBroken(broken.Connection);
                break;
            case OpenGate open:
                OnOpenGate(open);
                break;
            case Connect connect:
                connect.Waiter.TrySetResult();
                break;
            default:
                Common(message);
                break;
        }
    }

    private void OnRequest(IPendingRequest request)
    {
        if (request.BypassesGate)
        {
            OnRestoreRequest(request);
            return;
        }

        Enqueue(request);
        Pump(request.RateClass);
    }

    private void Enqueue(IPendingRequest request) => _queues[(int)request.RateClass].Enqueue(request);

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
        while (_connection is not null && queue.TryPeek(out var request))
        {
            if (request.IsCompleted)
            {
                // Cancelled or timed out while queued: it is dropped and never sent.
                queue.Dequeue();
                continue;
            }

            if (!TryAcquire(rateClass))
            {
                return;
            }

            queue.Dequeue();
            Write(request);
        }
    }

    private bool TryAcquire(RateClass rateClass)
    {
        if (_throttle.TryAcquire(rateClass, out var wait))
        {
            return true;
        }

        _metrics.ThrottleWaited();
        Timers.StartSingleTimer(TimerKeys.Throttle[(int)rateClass], new ThrottleReopened(rateClass), wait);
        // What was granted goes out now, so its window starts as early as it can.
        StartWrite();
        return false;
    }

    private void Write(IPendingRequest request)
    {
        try
        {
            request.WriteTo(_out.Writer);
        }
        catch (ProtocolException e)
        {
            _log.RequestNotEncodable(request.PayloadType, e.Message);
            request.TryFail(new GatewayProtocolException($"The request cannot be sent: {e.Message}", e));
            return;
        }

        _metrics.RequestWritten();
        if (request.OnWritten(_metrics.MeasuresLatency ? _time.GetTimestamp() : 0))
        {
            _inFlight[request.Id] = request;
        }

        RequestWrite();
    }

    private void WriteHeartbeat()
    {
        FrameCodec.WriteRaw(_out.Writer, PayloadRegistry.HeartbeatEvent, []);
        _log.HeartbeatSent();
        RequestWrite();
    }

    /// <summary>
    /// Starts a write now when the buffer is large; otherwise once the mailbox has had its turn (a Flush told to self
    /// lands behind what is already queued, so requests that arrived together leave together).
    /// </summary>
    private void RequestWrite()
    {
        if (_out.Buffered >= FlushThreshold)
        {
            StartWrite();
        }
        else if (!_out.FlushScheduled && !_out.WriteInFlight)
        {
            _out.FlushScheduled = true;
            Self.Tell(Flush.Instance);
        }
    }

    /// <summary>Hands what is buffered to the transport unless a write is already in flight (its completion does it).</summary>
    private void StartWrite()
    {
        while (!_out.WriteInFlight && _out.Buffered > 0 && _connection is { } connection)
        {
            _lastSent = _time.GetTimestamp();
            var mark = _throttle.Unsent();
            var written = connection.TryWrite(_out.Take(), mark, out var sentAt);
            _out.Release();
            if (!written)
            {
                // In flight (WriteCompleted follows) or broken (ConnectionBroken follows).
                _out.WriteInFlight = connection.BreakReason is null;
                return;
            }

            // The throttle counts what it allowed from now: a burst that left late must not let the next one in early.
            _throttle.MarkSent(sentAt, mark);
        }
    }

    private void OnWritten(Throttling.SentMark mark, long sentAt)
    {
        _out.WriteInFlight = false;
        _throttle.MarkSent(sentAt, mark);
        StartWrite();
    }
}
