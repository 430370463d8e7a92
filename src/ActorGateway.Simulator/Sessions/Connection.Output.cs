using System.Buffers;
using ActorGateway.Protocol.Framing;
using Google.Protobuf;

namespace ActorGateway.Simulator.Sessions;

/// <summary>
/// The write side: frames go straight into the pipe (flushed by the mailbox loop once it runs dry), or, while replies are
/// being delayed by a fault, into a queue released in order by a timer.
/// </summary>
internal sealed partial class Connection
{
    /// <summary>Writes a frame now, or queues it when replies are being delayed.</summary>
    private void Write(IMessage message, string? clientMsgId)
    {
        var delay = _context.Faults.ReplyDelay;
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

    private void WriteNow(IMessage message, string? clientMsgId)
    {
        FrameCodec.WriteMessage(_output, message, clientMsgId);
        _lastOutbound = _time.GetUtcNow();
    }

    private void WriteDueDelayed()
    {
        var now = _time.GetUtcNow();
        while (_delayed.TryPeek(out var next) && next.Due <= now)
        {
            _output.Write(_delayed.Dequeue().Frame);
            _lastOutbound = now;
        }

        ArmDelayTimer();
    }

    private void ArmDelayTimer()
    {
        if (_delayed.TryPeek(out var next))
        {
            var wait = next.Due - _time.GetUtcNow();
            _delayTimer ??= _time.CreateTimer(static s => ((Connection)s!).Post(ConnectionCommand.DelayedDue.Instance), this,
                Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _delayTimer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }
}
