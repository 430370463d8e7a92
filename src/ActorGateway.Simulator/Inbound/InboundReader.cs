using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Messages;

namespace ActorGateway.Simulator.Inbound;

/// <summary>
/// A connection's read side: messages off the socket's pipe one at a time, like <see cref="FrameReader"/>, with two
/// limits on what a client can make the server hold. The bytes of a frame still incomplete when the next read is due
/// count against the server's <see cref="FrameBudget"/>, and a frame must be whole within the partial-frame timeout of
/// the read that began it. Breaching either ends reading with an <see cref="InboundLimitException"/>. One read loop owns
/// it; <see cref="Dispose"/> gives the reservation back.
/// </summary>
internal sealed class InboundReader : IDisposable
{
    private readonly PipeReader _input;
    private readonly int _maxFrameSize;
    private readonly FrameBudget _budget;
    private readonly TimeProvider _time;
    private readonly TimeSpan _partialFrameTimeout;
    private ReadOnlySequence<byte> _buffer;
    private bool _holdingBuffer;
    private bool _completed;
    private bool _tookFrame;
    private long _reserved;
    private long _partialSince = -1;
    private ITimer? _partialTimer;

    public InboundReader(PipeReader input, int maxFrameSize, FrameBudget budget, TimeProvider time, TimeSpan partialFrameTimeout)
    {
        _input = input;
        _maxFrameSize = maxFrameSize;
        _budget = budget;
        _time = time;
        _partialFrameTimeout = partialFrameTimeout;
    }

    /// <summary>Reads the next message; null when the stream ended cleanly on a frame boundary.</summary>
    /// <exception cref="ProtocolException">As <see cref="FrameReader.ReadAsync"/> throws it.</exception>
    /// <exception cref="InboundLimitException">The incomplete frame is over the budget or overdue.</exception>
    public async ValueTask<OpenApiMessage?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_holdingBuffer)
            {
                if (FrameCodec.TryReadFrame(ref _buffer, _maxFrameSize, out var frame))
                {
                    _tookFrame = true;
                    return MessageDecoder.Decode(frame);
                }

                if (_completed)
                {
                    FrameCodec.ThrowIfTruncated(_buffer);
                    return null;
                }

                Hold(_buffer.Length);
                _input.AdvanceTo(_buffer.Start, _buffer.End);
                _holdingBuffer = false;
            }

            var result = await _input.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (result.IsCanceled)
            {
                ThrowIfOverdue();
            }

            _buffer = result.Buffer;
            _completed = result.IsCompleted;
            _holdingBuffer = true;
        }
    }

    public void Dispose()
    {
        _partialTimer?.Dispose();
        _budget.Release(ref _reserved);
    }

    // Called with the bytes left after the last complete frame, just before waiting for more.
    private void Hold(long buffered)
    {
        if (buffered == 0)
        {
            _budget.TryHold(ref _reserved, 0);
            if (_partialSince >= 0)
            {
                _partialSince = -1;
                _partialTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }

            return;
        }

        if (!_budget.TryHold(ref _reserved, buffered))
        {
            throw new InboundLimitException(ProtoErrorCode.FrameTooLong, string.Create(CultureInfo.InvariantCulture,
                $"The server cannot hold {buffered} bytes of an incomplete frame now: it holds too many incomplete frames."));
        }

        // A new frame began since the last wait (or none was pending): its clock starts now.
        if (_partialSince < 0 || _tookFrame)
        {
            _partialSince = _time.GetTimestamp();
            ArmTimer(_partialFrameTimeout);
        }

        _tookFrame = false;
    }

    private void ArmTimer(TimeSpan due)
    {
        // The timer only wakes the pending read; the read loop itself decides whether the frame is overdue.
        _partialTimer ??= _time.CreateTimer(static s => ((PipeReader)s!).CancelPendingRead(), _input,
            Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _partialTimer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private void ThrowIfOverdue()
    {
        if (_partialSince < 0)
        {
            return;
        }

        var waited = _time.GetElapsedTime(_partialSince);
        if (waited < _partialFrameTimeout)
        {
            // A wake-up meant for an earlier frame, or a timer a little early: wait out the rest.
            ArmTimer(_partialFrameTimeout - waited);
            return;
        }

        throw new InboundLimitException(ProtoErrorCode.TimeoutError, string.Create(CultureInfo.InvariantCulture,
            $"A frame was still incomplete {_partialFrameTimeout.TotalSeconds:0.###} s after it began."));
    }
}
