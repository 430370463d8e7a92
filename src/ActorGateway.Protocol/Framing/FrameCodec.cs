using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using Google.Protobuf;

namespace ActorGateway.Protocol.Framing;

/// <summary>
/// The TCP framing: a 4-byte big-endian length, then that many bytes of a serialized <see cref="ProtoMessage"/>.
/// Encoding writes the length, the envelope and the payload straight into the destination buffer, with no intermediate
/// copy of the payload.
/// </summary>
public static class FrameCodec
{
    /// <summary>Size of the length prefix.</summary>
    public const int HeaderSize = 4;

    /// <summary>The default largest frame accepted: 16 MiB (full symbol lists and long history pages run to megabytes).</summary>
    public const int DefaultMaxFrameSize = 16 * 1024 * 1024;

    private const byte PayloadTypeTag = (1 << 3) | 0;
    private const byte PayloadTag = (2 << 3) | 2;
    private const byte ClientMsgIdTag = (3 << 3) | 2;
    private const int MaxDecimalDigits = 19; // long.MaxValue

    /// <summary>
    /// Takes one complete frame off the front of <paramref name="buffer"/>. Returns false, leaving the buffer as it was,
    /// when more bytes are needed. The length prefix is checked against <paramref name="maxFrameSize"/> as soon as its
    /// four bytes are there, before anything is buffered or allocated for the body.
    /// </summary>
    /// <returns>True with <paramref name="frame"/> set to the envelope bytes (without the prefix).</returns>
    /// <exception cref="ProtocolException">Kind <see cref="ProtocolErrorKind.FrameTooLarge"/>.</exception>
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxFrameSize, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (buffer.Length < HeaderSize)
        {
            return false;
        }

        var length = ReadLength(buffer);
        if (length > (uint)maxFrameSize)
        {
            throw new ProtocolException(ProtocolErrorKind.FrameTooLarge,
                $"A frame announced {length} bytes, above the maximum frame size of {maxFrameSize} bytes.");
        }

        if (buffer.Length - HeaderSize < length)
        {
            return false;
        }

        frame = buffer.Slice(HeaderSize, length);
        buffer = buffer.Slice(frame.End);
        return true;
    }

    /// <summary>Throws when a stream ended with part of a frame still unread.</summary>
    /// <exception cref="ProtocolException">Kind <see cref="ProtocolErrorKind.TruncatedFrame"/>.</exception>
    public static void ThrowIfTruncated(in ReadOnlySequence<byte> remaining)
    {
        if (!remaining.IsEmpty)
        {
            var announced = remaining.Length >= HeaderSize ? $"a frame of {ReadLength(remaining)} bytes" : "a length prefix";
            throw new ProtocolException(ProtocolErrorKind.TruncatedFrame,
                $"The stream ended after {remaining.Length} bytes of {announced}.");
        }
    }

    /// <summary>Writes one frame carrying <paramref name="message"/>, its payload type taken from the message's type.</summary>
    /// <returns>The number of bytes written, prefix included.</returns>
    /// <exception cref="ProtocolException">
    /// The message is not an Open API payload, or a required field is not set; nothing is written then.
    /// </exception>
    public static int WriteMessage(IBufferWriter<byte> writer, IMessage message, string? clientMsgId = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var info = PayloadRegistry.Of(message);
        RequiredFields.ThrowIfMissing(message);
        return Write(writer, info.PayloadType, message, default, clientMsgId);
    }

    /// <summary>
    /// Writes one frame carrying <paramref name="message"/> with a numeric clientMsgId, formatted as its decimal digits
    /// straight into the buffer: the same bytes as the string overload given <c>clientMsgId.ToString()</c>, without the
    /// string.
    /// </summary>
    /// <returns>The number of bytes written, prefix included.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clientMsgId"/> is negative.</exception>
    /// <exception cref="ProtocolException">
    /// The message is not an Open API payload, or a required field is not set; nothing is written then.
    /// </exception>
    public static int WriteMessage(IBufferWriter<byte> writer, IMessage message, long clientMsgId)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfNegative(clientMsgId);
        var info = PayloadRegistry.Of(message);
        RequiredFields.ThrowIfMissing(message);
        return Write(writer, info.PayloadType, message, default, null, clientMsgId);
    }

    /// <summary>Writes one frame carrying an already serialized payload (e.g. a raw envelope being forwarded).</summary>
    /// <returns>The number of bytes written, prefix included.</returns>
    public static int WriteRaw(IBufferWriter<byte> writer, uint payloadType, ReadOnlySpan<byte> payload, string? clientMsgId = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return Write(writer, payloadType, null, payload, clientMsgId);
    }

    /// <summary>Writes one frame carrying an envelope exactly as given.</summary>
    /// <returns>The number of bytes written, prefix included.</returns>
    public static int WriteEnvelope(IBufferWriter<byte> writer, ProtoMessage envelope)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(envelope);
        var size = envelope.CalculateSize();
        var span = writer.GetSpan(HeaderSize + size);
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)size);
        envelope.WriteTo(span.Slice(HeaderSize, size));
        writer.Advance(HeaderSize + size);
        return HeaderSize + size;
    }

    // The clientMsgId is either text or, when numericId is not negative, a number written as decimal digits.
    private static int Write(IBufferWriter<byte> writer, uint payloadType, IMessage? message, ReadOnlySpan<byte> raw,
        string? clientMsgId, long numericId = -1)
    {
        Span<byte> digits = stackalloc byte[MaxDecimalDigits];
        var digitCount = 0;
        if (numericId >= 0)
        {
            numericId.TryFormat(digits, out digitCount, default, CultureInfo.InvariantCulture);
        }

        var hasId = clientMsgId is not null || numericId >= 0;
        var payloadSize = message?.CalculateSize() ?? raw.Length;
        var idSize = clientMsgId is null ? digitCount : Encoding.UTF8.GetByteCount(clientMsgId);
        var envelopeSize = 1 + Varint.SizeOf(payloadType) + 1 + Varint.SizeOf((uint)payloadSize) + payloadSize
            + (hasId ? 1 + Varint.SizeOf((uint)idSize) + idSize : 0);
        var total = HeaderSize + envelopeSize;

        var span = writer.GetSpan(total);
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)envelopeSize);
        var pos = HeaderSize;
        span[pos++] = PayloadTypeTag;
        pos += Varint.Write(span[pos..], payloadType);
        span[pos++] = PayloadTag;
        pos += Varint.Write(span[pos..], (uint)payloadSize);
        if (message is null)
        {
            raw.CopyTo(span[pos..]);
        }
        else
        {
            message.WriteTo(span.Slice(pos, payloadSize));
        }

        pos += payloadSize;
        if (hasId)
        {
            span[pos++] = ClientMsgIdTag;
            pos += Varint.Write(span[pos..], (uint)idSize);
            pos += clientMsgId is null ? Copy(digits[..digitCount], span[pos..]) : Encoding.UTF8.GetBytes(clientMsgId, span[pos..]);
        }

        writer.Advance(pos);
        return pos;
    }

    private static int Copy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }

    private static uint ReadLength(in ReadOnlySequence<byte> buffer)
    {
        var first = buffer.FirstSpan;
        if (first.Length >= HeaderSize)
        {
            return BinaryPrimitives.ReadUInt32BigEndian(first);
        }

        Span<byte> prefix = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(prefix);
        return BinaryPrimitives.ReadUInt32BigEndian(prefix);
    }
}
