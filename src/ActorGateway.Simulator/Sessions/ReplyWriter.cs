using System.Buffers;
using System.IO.Pipelines;
using ActorGateway.Protocol.Framing;
using Google.Protobuf;

namespace ActorGateway.Simulator.Sessions;

/// <summary>
/// The write side: frames go straight into the pipe (flushed by the mailbox loop once it runs dry), or, while replies are
/// being delayed by a fault, into a queue released in order by a timer.
/// </summary>
internal sealed class ReplyWriter(Connection owner, PipeWriter output, SimulatorContext context) : IDisposable
{
    private readonly TimeProvider _time = context.Time;
    private readonly Queue<(DateTimeOffset Due, byte[] Frame)> _delayed = new();
    private ITimer? _delayTimer;

    /// <summary>When the client was last written to; the heartbeat is due after a silence.</summary>
    public DateTimeOffset LastWrite { get; set; }

    /// <summary>Writes a frame now, or queues it when replies are being delayed.</summary>
    public void Write(IMessage message, string? clientMsgId)
    {
        var delay = context.Faults.ReplyDelay;
        if (delay <= TimeSpan.Zero && _delayed.Count == 0)
        {
            WriteNow(message, clientMsgId);
            return;
        }

        var buffer = new ArrayBufferWriter<byte>();
        FrameCodec.WriteMessage(buffer, message, clientMsgId);
        _delayed.Enqueue((_time.GetUtcNow() + delay, buffer.WrittenSpan.ToArray()));
        if (_delayed.Count == 1)
        {
            ArmDelayTimer();
        }
    }

    public void WriteNow(IMessage message, string? clientMsgId)
    {
        FrameCodec.WriteMessage(output, message, clientMsgId);
        LastWrite = _time.GetUtcNow();
    }

    public void WriteDueDelayed()
    {
        var now = _time.GetUtcNow();
        while (_delayed.TryPeek(out var next) && next.Due <= now)
        {
            output.Write(_delayed.Dequeue().Frame);
            LastWrite = now;
        }

        ArmDelayTimer();
    }

    private void ArmDelayTimer()
    {
        if (_delayed.TryPeek(out var next))
        {
            var wait = next.Due - _time.GetUtcNow();
            _delayTimer ??= _time.CreateTimer(static s => ((Connection)s!).Post(ConnectionCommand.DelayedDue.Instance), owner,
                Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _delayTimer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    public ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken) => output.FlushAsync(cancellationToken);

    public ValueTask CompleteAsync() => output.CompleteAsync();

    public void Dispose() => _delayTimer?.Dispose();
}
