using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using Google.Protobuf;

namespace ActorGateway.Protocol.Tests;

public sealed class RoundTripTests
{
    public static TheoryData<uint> AllPayloadTypes()
    {
        var data = new TheoryData<uint>();
        foreach (var info in PayloadRegistry.All)
        {
            data.Add(info.PayloadType);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPayloadTypes))]
    public void Every_payload_type_survives_encode_frame_decode(uint payloadType)
    {
        var info = PayloadRegistry.All.Single(i => i.PayloadType == payloadType);
        var original = SampleMessages.Full(info.Descriptor);

        var decoded = Frames.DecodeSingle(Frames.Encode(original, "req-" + payloadType));

        Assert.Equal(payloadType, decoded.PayloadType);
        Assert.Equal("req-" + payloadType, decoded.ClientMsgId);
        Assert.IsType(info.ClrType, decoded.Payload);
        Assert.Equal(original, decoded.Payload);
    }

    [Fact]
    public void Encoded_frame_equals_the_envelope_the_runtime_would_serialize()
    {
        var order = (ProtoOANewOrderReq)SampleMessages.Full(ProtoOANewOrderReq.Descriptor);
        var envelope = new ProtoMessage { PayloadType = 2106, Payload = order.ToByteString(), ClientMsgId = "42" };

        var frame = Frames.Encode(order, "42");

        Assert.Equal(Convert.ToHexString(envelope.ToByteArray()), Frames.EnvelopeHex(frame));
        Assert.Equal(envelope.CalculateSize(), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(frame));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(7L)]
    [InlineData(1_099_511_627_776L)]
    [InlineData(long.MaxValue)]
    public void A_numeric_clientMsgId_is_written_as_the_same_bytes_as_its_decimal_string(long id)
    {
        var order = (ProtoOANewOrderReq)SampleMessages.Full(ProtoOANewOrderReq.Descriptor);
        var numeric = new System.Buffers.ArrayBufferWriter<byte>();

        FrameCodec.WriteMessage(numeric, order, id);

        Assert.Equal(Frames.Encode(order, id.ToString(System.Globalization.CultureInfo.InvariantCulture)), numeric.WrittenSpan.ToArray());
    }

    [Fact]
    public void A_negative_numeric_clientMsgId_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameCodec.WriteMessage(new System.Buffers.ArrayBufferWriter<byte>(), new ProtoOAVersionReq(), -1L));
    }

    [Fact]
    public void A_frame_without_clientMsgId_decodes_with_none()
    {
        var decoded = Frames.DecodeSingle(Frames.Encode(new ProtoHeartbeatEvent()));

        Assert.Equal(PayloadRegistry.HeartbeatEvent, decoded.PayloadType);
        Assert.Null(decoded.ClientMsgId);
        Assert.IsType<ProtoHeartbeatEvent>(decoded.Payload);
    }
}
