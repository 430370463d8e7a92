using System.Buffers;
using ActorGateway.Throttling;

namespace ActorGateway.Actors;

/// <summary>
/// The connection actor's write path. Frames are encoded into a buffer while a write may be in flight; a write starts
/// once the actor's mailbox has had its turn (the flush it schedules lands behind what is already queued, so requests
/// that arrived together leave together), or at once when much is buffered; while one is in flight the next waits,
/// then carries everything that queued up. Each write marks, when it has left, exactly the throttle grants it carried.
/// </summary>
internal sealed class OutboundWriter(IOutboundThrottle throttle, TimeProvider time, Action scheduleFlush)
{
    // Above this many buffered bytes a write starts at once, without waiting for the mailbox to drain.
    private const int FlushThreshold = 64 * 1024;

    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private bool _flushScheduled;
    private bool _writeInFlight;

    public IBufferWriter<byte> Writer => _buffer;

    /// <summary>When the last write started (or the connection opened), for the heartbeat.</summary>
    public long LastSent { get; private set; }

    /// <summary>A new connection: nothing is buffered or in flight for it yet.</summary>
    public void Reset()
    {
        _buffer.ResetWrittenCount();
        _flushScheduled = false;
        _writeInFlight = false;
        LastSent = time.GetTimestamp();
    }

    /// <summary>Frames were buffered for <paramref name="connection"/>.</summary>
    public void Buffered(Connection connection)
    {
        if (_buffer.WrittenCount >= FlushThreshold)
        {
            Write(connection);
        }
        else if (!_flushScheduled && !_writeInFlight)
        {
            _flushScheduled = true;
            scheduleFlush();
        }
    }

    /// <summary>The scheduled flush has come round.</summary>
    public void Flush(Connection connection)
    {
        _flushScheduled = false;
        Write(connection);
    }

    /// <summary>A write that did not finish at once has left.</summary>
    public void Completed(Connection connection, SentMark mark, long sentAt)
    {
        _writeInFlight = false;
        throttle.MarkSent(sentAt, mark);
        Write(connection);
    }

    /// <summary>Hands what is buffered to the transport unless a write is already in flight (its completion does it).</summary>
    public void Write(Connection connection)
    {
        while (!_writeInFlight && _buffer.WrittenCount > 0)
        {
            LastSent = time.GetTimestamp();
            var mark = throttle.Unsent();
            var written = connection.TryWrite(_buffer.WrittenSpan, mark, out var sentAt);
            _buffer.ResetWrittenCount();
            if (!written)
            {
                // In flight (WriteCompleted follows) or broken (ConnectionBroken follows).
                _writeInFlight = connection.BreakReason is null;
                return;
            }

            // The throttle counts what it allowed from now: a burst that left late must not let the next one in early.
            throttle.MarkSent(sentAt, mark);
        }
    }
}
