using System.Buffers;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Messages;
using Google.Protobuf;

namespace ActorGateway.Protocol.Tests;

/// <summary>A newer server adds fields, enum values and payload types; none of them may be lost or crash the decoder.</summary>
public sealed class ForwardCompatibilityTests
{
    [Fact]
    public void Unknown_fields_survive_decoding_and_are_written_back()
    {
        var known = new ProtoOASpotEvent { CtidTraderAccountId = 3, SymbolId = 1, Bid = 110_000 }.ToByteArray();
        byte[] unknownFields = [0xF8, 0x06, 0x2A, 0x82, 0x07, 0x02, 0xAB, 0xCD]; // field 111 varint 42, field 112 bytes AB CD
        var payload = known.Concat(unknownFields).ToArray();
        var writer = new ArrayBufferWriter<byte>();
        FrameCodec.WriteRaw(writer, 2131, payload);

        var decoded = Frames.DecodeSingle(writer.WrittenSpan.ToArray());

        var spot = Assert.IsType<ProtoOASpotEvent>(decoded.Payload);
        Assert.Equal(110_000ul, spot.Bid);
        Assert.Equal(Convert.ToHexString(payload), Convert.ToHexString(spot.ToByteArray()));
    }

    [Fact]
    public void Unknown_enum_values_survive_decoding_and_are_written_back()
    {
        // ExecutionEvent with executionType 99, a value this contract does not define.
        var payload = new ProtoOAExecutionEvent { CtidTraderAccountId = 3, ExecutionType = (ProtoOAExecutionType)99 }.ToByteArray();
        var writer = new ArrayBufferWriter<byte>();
        FrameCodec.WriteRaw(writer, 2126, payload);

        var decoded = Frames.DecodeSingle(writer.WrittenSpan.ToArray());

        var execution = Assert.IsType<ProtoOAExecutionEvent>(decoded.Payload);
        Assert.Equal(99, (int)execution.ExecutionType);
        Assert.Equal(Convert.ToHexString(payload), Convert.ToHexString(execution.ToByteArray()));
    }

    [Fact]
    public void An_unknown_payload_type_decodes_to_the_raw_envelope_with_nothing_lost()
    {
        byte[] payload = [0x08, 0x01, 0x12, 0x03, 0x61, 0x62, 0x63];
        var writer = new ArrayBufferWriter<byte>();
        FrameCodec.WriteRaw(writer, 2400, payload, "foreign-id");
        var frame = writer.WrittenSpan.ToArray();

        var decoded = Frames.DecodeSingle(frame);

        Assert.False(decoded.IsKnown);
        Assert.Equal(2400u, decoded.PayloadType);
        Assert.Equal("foreign-id", decoded.ClientMsgId);
        var raw = Assert.IsType<ProtoMessage>(decoded.Payload);
        Assert.Equal(payload, raw.Payload.ToByteArray());
        var rewritten = new ArrayBufferWriter<byte>();
        FrameCodec.WriteEnvelope(rewritten, raw);
        Assert.Equal(frame, rewritten.WrittenSpan.ToArray());
    }

    [Fact]
    public void Unknown_envelope_fields_are_skipped()
    {
        // payloadType 51, an unknown fixed64 field 9, an unknown fixed32 field 10, payload empty.
        byte[] frame = [0x08, 0x33, 0x49, 1, 2, 3, 4, 5, 6, 7, 8, 0x55, 1, 2, 3, 4, 0x12, 0x00];

        var decoded = MessageDecoder.Decode(new ReadOnlySequence<byte>(frame));

        Assert.IsType<ProtoHeartbeatEvent>(decoded.Payload);
    }
}
