using System.Buffers;
using System.Text;

namespace ActorGateway.Protocol.Framing;

/// <summary>
/// The envelope of one frame, read in place: the payload stays a slice of the frame, so it is parsed straight into its
/// typed message without first being copied out.
/// </summary>
/// <param name="PayloadType">The envelope's payload type.</param>
/// <param name="Payload">The payload bytes, a slice of the frame (valid only as long as the frame's buffer is).</param>
/// <param name="ClientMsgId">The envelope's correlation id, if any.</param>
public readonly record struct FrameEnvelope(uint PayloadType, ReadOnlySequence<byte> Payload, string? ClientMsgId)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the envelope of a frame (the bytes after the length prefix). Unknown envelope fields are skipped.</summary>
    /// <exception cref="ProtocolException">Kind <see cref="ProtocolErrorKind.MalformedEnvelope"/>.</exception>
    public static FrameEnvelope Parse(in ReadOnlySequence<byte> frame)
    {
        try
        {
            return Read(frame);
        }
        catch (Exception e) when (e is not ProtocolException && !FatalExceptions.Is(e))
        {
            // The reader means to fail only with ProtocolException; anything else is a bug met on hostile bytes, and the
            // stream behind them can no more be trusted than after any other bad envelope.
            throw new ProtocolException(ProtocolErrorKind.MalformedEnvelope, "The frame is not a valid ProtoMessage envelope.", e);
        }
    }

    private static FrameEnvelope Read(in ReadOnlySequence<byte> frame)
    {
        var reader = new SequenceReader<byte>(frame);
        uint? payloadType = null;
        var payload = ReadOnlySequence<byte>.Empty;
        string? clientMsgId = null;
        while (!reader.End)
        {
            if (!Varint.TryRead(ref reader, out var tag))
            {
                throw Malformed("a field tag is cut short");
            }

            switch ((tag >> 3, (int)(tag & 7)))
            {
                case (1, 0):
                    payloadType = Varint.TryRead(ref reader, out var type) && type <= uint.MaxValue
                        ? (uint)type
                        : throw Malformed("payloadType is not a valid uint32");
                    break;
                case (2, 2):
                    payload = ReadLengthDelimited(ref reader);
                    break;
                case (3, 2):
                    clientMsgId = DecodeUtf8(ReadLengthDelimited(ref reader));
                    break;
                case (1 or 2 or 3, _):
                    throw Malformed($"field {tag >> 3} has wire type {tag & 7}");
                default:
                    SkipField(ref reader, (int)(tag & 7));
                    break;
            }
        }

        return payloadType is { } pt
            ? new FrameEnvelope(pt, payload, clientMsgId)
            : throw Malformed("the required payloadType is missing");
    }

    private static ReadOnlySequence<byte> ReadLengthDelimited(ref SequenceReader<byte> reader)
    {
        if (!Varint.TryRead(ref reader, out var length) || length > (ulong)reader.Remaining)
        {
            throw Malformed("a length-delimited field runs past the end of the frame");
        }

        var slice = reader.UnreadSequence.Slice(0, (long)length);
        reader.Advance((long)length);
        return slice;
    }

    private static void SkipField(ref SequenceReader<byte> reader, int wireType)
    {
        var ok = wireType switch
        {
            0 => Varint.TryRead(ref reader, out _),
            1 => reader.TryAdvance(8),
            2 => SkipLengthDelimited(ref reader),
            5 => reader.TryAdvance(4),
            _ => false,
        };
        if (!ok)
        {
            throw Malformed($"an unknown field of wire type {wireType} cannot be skipped");
        }
    }

    private static bool SkipLengthDelimited(ref SequenceReader<byte> reader)
    {
        ReadLengthDelimited(ref reader);
        return true;
    }

    private static string DecodeUtf8(in ReadOnlySequence<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new ProtocolException(ProtocolErrorKind.MalformedEnvelope, "clientMsgId is not valid UTF-8.", e);
        }
    }

    private static ProtocolException Malformed(string what) =>
        new(ProtocolErrorKind.MalformedEnvelope, $"The frame is not a valid ProtoMessage envelope: {what}.");
}

file static class SequenceReaderExtensions
{
    public static bool TryAdvance(this ref SequenceReader<byte> reader, long count)
    {
        if (reader.Remaining < count)
        {
            return false;
        }

        reader.Advance(count);
        return true;
    }
}
