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

    [Fact]
    public void A_frame_without_clientMsgId_decodes_with_none()
    {
        var decoded = Frames.DecodeSingle(Frames.Encode(new ProtoHeartbeatEvent()));

        Assert.Equal(PayloadRegistry.HeartbeatEvent, decoded.PayloadType);
        Assert.Null(decoded.ClientMsgId);
        Assert.IsType<ProtoHeartbeatEvent>(decoded.Payload);
    }
}
