using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Registry;
using Google.Protobuf;

namespace ActorGateway.Correlation;

/// <summary>
/// Writes a request's frame with its numeric clientMsgId formatted straight into the buffer. The protocol layer's
/// <see cref="FrameCodec.WriteMessage"/> takes the id as a string, which would cost a string per request; the bytes
/// written here are the same as it would write for <c>id.ToString()</c>.
/// </summary>
internal static class RequestFrame
{
    private const byte PayloadTypeTag = (1 << 3) | 0;
    private const byte PayloadTag = (2 << 3) | 2;
    private const byte ClientMsgIdTag = (3 << 3) | 2;
    private const int MaxIdLength = 20; // the digits of long.MaxValue, well under 128, so the id's length is one byte

    /// <returns>The number of bytes written, prefix included.</returns>
    /// <exception cref="Protocol.ProtocolException">A required field is not set; nothing is written then.</exception>
    public static int Write(IBufferWriter<byte> output, uint payloadType, IMessage message, long id)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        RequiredFields.ThrowIfMissing(message);
        Span<byte> digits = stackalloc byte[MaxIdLength];
        id.TryFormat(digits, out var idLength, default, CultureInfo.InvariantCulture);
        var payloadSize = message.CalculateSize();
        var envelopeSize = 1 + CodedOutputStream.ComputeRawVarint32Size(payloadType)
            + 1 + CodedOutputStream.ComputeRawVarint32Size((uint)payloadSize) + payloadSize
            + 1 + 1 + idLength;

        var span = output.GetSpan(FrameCodec.HeaderSize + envelopeSize);
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)envelopeSize);
        var pos = FrameCodec.HeaderSize;
        span[pos++] = PayloadTypeTag;
        pos += WriteVarint(span[pos..], payloadType);
        span[pos++] = PayloadTag;
        pos += WriteVarint(span[pos..], (uint)payloadSize);
        message.WriteTo(span.Slice(pos, payloadSize));
        pos += payloadSize;
        span[pos++] = ClientMsgIdTag;
        span[pos++] = (byte)idLength;
        digits[..idLength].CopyTo(span[pos..]);
        pos += idLength;
        output.Advance(pos);
        return pos;
    }

    private static int WriteVarint(Span<byte> destination, uint value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }
}
