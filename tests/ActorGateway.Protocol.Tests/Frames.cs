using System.Buffers;
using ActorGateway.Protocol.Framing;
using Google.Protobuf;

namespace ActorGateway.Protocol.Tests;

/// <summary>Encodes and decodes single frames through the public codec.</summary>
internal static class Frames
{
    public static byte[] Encode(IMessage message, string? clientMsgId = null)
    {
        var writer = new ArrayBufferWriter<byte>();
        FrameCodec.WriteMessage(writer, message, clientMsgId);
        return writer.WrittenSpan.ToArray();
    }

    public static OpenApiMessage DecodeSingle(byte[] bytes)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        Assert.True(FrameCodec.TryReadFrame(ref buffer, FrameCodec.DefaultMaxFrameSize, out var frame));
        Assert.True(buffer.IsEmpty, "exactly one frame was expected");
        return MessageDecoder.Decode(frame);
    }

    /// <summary>The envelope bytes of a frame (after the 4-byte prefix), as hex.</summary>
    public static string EnvelopeHex(byte[] frame) => Convert.ToHexString(frame.AsSpan(FrameCodec.HeaderSize));
}
