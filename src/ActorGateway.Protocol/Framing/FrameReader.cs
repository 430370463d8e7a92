using System.Buffers;
using System.IO.Pipelines;

namespace ActorGateway.Protocol.Framing;

/// <summary>
/// Reads decoded messages off a <see cref="PipeReader"/> one at a time. Messages already buffered are returned
/// synchronously, so a burst of frames in one read costs one <see cref="PipeReader.ReadAsync"/>. After a
/// <see cref="ProtocolException"/> that does not <see cref="ProtocolException.BreaksStream">break the stream</see>,
/// reading can go on with the next frame. Not thread-safe: one reader loop owns it.
/// </summary>
public sealed class FrameReader
{
    private readonly PipeReader _input;
    private readonly int _maxFrameSize;
    private ReadOnlySequence<byte> _buffer;
    private bool _holdingBuffer;
    private bool _completed;

    /// <summary>Creates a reader over <paramref name="input"/>; the caller keeps ownership of the pipe.</summary>
    public FrameReader(PipeReader input, int maxFrameSize = FrameCodec.DefaultMaxFrameSize)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFrameSize);
        _input = input;
        _maxFrameSize = maxFrameSize;
    }

    /// <summary>
    /// Takes the next message when its whole frame is already buffered, without awaiting anything; false when the next
    /// message has to be awaited with <see cref="ReadAsync"/>. A loop that drains a burst this way saves an async call
    /// per message.
    /// </summary>
    /// <exception cref="ProtocolException">As for <see cref="ReadAsync"/>.</exception>
    public bool TryRead(out OpenApiMessage message)
    {
        if (_holdingBuffer && FrameCodec.TryReadFrame(ref _buffer, _maxFrameSize, out var frame))
        {
            message = MessageDecoder.Decode(frame);
            return true;
        }

        message = default;
        return false;
    }

    /// <summary>Reads the next message; null when the stream ended cleanly on a frame boundary.</summary>
    /// <exception cref="ProtocolException">A bad frame (see <see cref="MessageDecoder.Decode(in ReadOnlySequence{byte})"/>),
    /// an oversized length prefix, or a stream that ended inside a frame.</exception>
    public async ValueTask<OpenApiMessage?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_holdingBuffer)
            {
                if (FrameCodec.TryReadFrame(ref _buffer, _maxFrameSize, out var frame))
                {
                    return MessageDecoder.Decode(frame);
                }

                if (_completed)
                {
                    FrameCodec.ThrowIfTruncated(_buffer);
                    return null;
                }

                _input.AdvanceTo(_buffer.Start, _buffer.End);
                _holdingBuffer = false;
            }

            var result = await _input.ReadAsync(cancellationToken).ConfigureAwait(false);
            _buffer = result.Buffer;
            _completed = result.IsCompleted || result.IsCanceled;
            _holdingBuffer = true;
        }
    }
}
