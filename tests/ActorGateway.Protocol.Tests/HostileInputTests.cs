using System.Buffers;
using System.Buffers.Binary;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using Google.Protobuf;

namespace ActorGateway.Protocol.Tests;

/// <summary>Bytes built to break the decoder: whatever fails inside it, the caller sees a typed error or nothing.</summary>
public sealed class HostileInputTests
{
    // A spot event (2131) whose trendbar field announces 2^31 - 1 bytes: Google.Protobuf 3.25 threw
    // IndexOutOfRangeException on it instead of InvalidProtocolBufferException.
    private const string SpotWithHugeTrendbar = "08D310120A1001180132FFFFFFFF07";

    [Fact]
    public async Task A_spot_event_whose_trendbar_announces_2_GiB_fails_that_message_only_and_reading_goes_on()
    {
        var writer = new ArrayBufferWriter<byte>();
        WriteFrame(writer, Convert.FromHexString(SpotWithHugeTrendbar));
        FrameCodec.WriteMessage(writer, new ProtoOAVersionRes { Version = "after" }, "good");
        var reader = new FrameReader(new ChunkedPipeReader(writer.WrittenSpan.ToArray(), [int.MaxValue]));

        var error = await Assert.ThrowsAsync<ProtocolException>(() => reader.ReadAsync().AsTask());
        var next = await reader.ReadAsync();

        Assert.Equal((ProtocolErrorKind.MalformedPayload, false), (error.Kind, error.BreaksStream));
        Assert.Equal(2131u, error.PayloadType);
        Assert.Equal("after", Assert.IsType<ProtoOAVersionRes>(next?.Payload).Version);
    }

    [Fact]
    public void A_parser_failing_with_something_other_than_InvalidProtocolBufferException_is_a_malformed_payload()
    {
        var info = PayloadRegistry.Of<ProtoOASpotEvent>();
        var payload = Convert.FromHexString("1001180132FFFFFFFF07");
        var envelope = new FrameEnvelope(2131, new ReadOnlySequence<byte>(payload), "spot");

        var error = Assert.Throws<ProtocolException>(
            () => MessageDecoder.Decode(envelope, info, FailingMessage.Parser(new IndexOutOfRangeException())));

        Assert.Equal((ProtocolErrorKind.MalformedPayload, false), (error.Kind, error.BreaksStream));
        Assert.Equal((2131u, "spot"), (error.PayloadType!.Value, error.ClientMsgId));
        Assert.IsType<IndexOutOfRangeException>(error.InnerException);
        Assert.Equal(payload, error.RawEnvelope?.Payload.ToByteArray());
    }

    [Fact]
    public void A_parser_running_out_of_memory_is_not_mistaken_for_bad_input()
    {
        var info = PayloadRegistry.Of<ProtoOASpotEvent>();
        var envelope = new FrameEnvelope(2131, ReadOnlySequence<byte>.Empty, null);

        Assert.Throws<OutOfMemoryException>(
            () => MessageDecoder.Decode(envelope, info, FailingMessage.Parser(new OutOfMemoryException())));
    }

    [Fact]
    public void An_envelope_whose_reading_fails_with_something_unexpected_is_a_malformed_envelope()
    {
        var frame = new ReadOnlySequence<byte>(new FailingMemory(new IndexOutOfRangeException()).Memory);

        var error = Assert.Throws<ProtocolException>(() => MessageDecoder.Decode(frame));

        Assert.Equal((ProtocolErrorKind.MalformedEnvelope, true), (error.Kind, error.BreaksStream));
        Assert.IsType<IndexOutOfRangeException>(error.InnerException);
    }

    [Fact]
    public void An_envelope_whose_reading_runs_out_of_memory_is_not_mistaken_for_bad_input()
    {
        var frame = new ReadOnlySequence<byte>(new FailingMemory(new OutOfMemoryException()).Memory);

        Assert.Throws<OutOfMemoryException>(() => MessageDecoder.Decode(frame));
    }

    private static void WriteFrame(IBufferWriter<byte> writer, byte[] envelope)
    {
        var span = writer.GetSpan(FrameCodec.HeaderSize + envelope.Length);
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)envelope.Length);
        envelope.CopyTo(span[FrameCodec.HeaderSize..]);
        writer.Advance(FrameCodec.HeaderSize + envelope.Length);
    }
}
