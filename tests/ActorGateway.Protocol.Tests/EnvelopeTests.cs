using ActorGateway.Protocol.Messages;
using Google.Protobuf;

namespace ActorGateway.Protocol.Tests;

public sealed class EnvelopeTests
{
    [Fact]
    public void Wrap_takes_the_payload_type_from_the_message_type_not_its_own_field()
    {
        var request = new ProtoOAVersionReq { PayloadType = ProtoOAPayloadType.ProtoOaTraderReq };

        var envelope = Envelope.Wrap(request, "9");

        Assert.Equal(2104u, envelope.PayloadType);
        Assert.Equal("9", envelope.ClientMsgId);
    }

    [Fact]
    public void Wrap_without_id_leaves_clientMsgId_unset()
    {
        Assert.False(Envelope.Wrap(new ProtoHeartbeatEvent()).HasClientMsgId);
    }

    [Fact]
    public void Unwrap_dispatches_on_the_envelope_payload_type()
    {
        var reconcile = new ProtoOAReconcileReq { CtidTraderAccountId = 77 };
        // The same bytes read as a TraderReq, because the envelope says so: both carry only ctidTraderAccountId.
        var envelope = new ProtoMessage { PayloadType = 2121, Payload = reconcile.ToByteString() };

        var unwrapped = Envelope.Unwrap(envelope);

        Assert.Equal(77, Assert.IsType<ProtoOATraderReq>(unwrapped).CtidTraderAccountId);
    }

    [Fact]
    public void Unwrap_of_an_unknown_payload_type_returns_the_envelope_itself()
    {
        var envelope = new ProtoMessage { PayloadType = 3000, Payload = ByteString.CopyFrom(1, 2, 3) };

        Assert.Same(envelope, Envelope.Unwrap(envelope));
    }

    [Fact]
    public void Typed_unwrap_refuses_an_envelope_of_another_type()
    {
        var envelope = Envelope.Wrap(new ProtoOAVersionReq());

        var error = Assert.Throws<ProtocolException>(() => Envelope.Unwrap<ProtoOAVersionRes>(envelope));

        Assert.Equal(ProtocolErrorKind.UnknownMessageType, error.Kind);
        Assert.IsType<ProtoOAVersionReq>(Envelope.Unwrap<ProtoOAVersionReq>(envelope));
    }
}
