using System.Buffers;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Messages;

namespace ActorGateway.Protocol.Tests;

/// <summary>
/// proto2 presence on the wire, checked against bytes computed by hand: the server rejects orders whose MARKET/BUY
/// enum fields a proto3-minded encoder left out as "defaults".
/// </summary>
public sealed class PresenceTests
{
    [Fact]
    public void VersionReq_frame_is_length_prefix_then_envelope_with_type_empty_payload_and_id()
    {
        var frame = Frames.Encode(new ProtoOAVersionReq(), "7");

        // 8 bytes; payloadType 2104 = varint B8 10; payload of 0 bytes; clientMsgId "7".
        Assert.Equal("00000008" + "08B810" + "1200" + "1A0137", Convert.ToHexString(frame));
    }

    [Fact]
    public void NewOrderReq_writes_enum_values_equal_to_the_first_value_and_an_explicit_zero()
    {
        var order = new ProtoOANewOrderReq
        {
            CtidTraderAccountId = 1,
            SymbolId = 1,
            OrderType = ProtoOAOrderType.Market,
            TradeSide = ProtoOATradeSide.Buy,
            Volume = 100,
            RelativeStopLoss = 0,
        };

        var frame = Frames.Encode(order);

        // payloadType 2106 = BA 10; payload (13 bytes): ctid=1, symbolId=1, orderType=1, tradeSide=1, volume=100,
        // relativeStopLoss (field 19, tag 98 01) = 0.
        Assert.Equal("08BA10" + "120D" + "1001" + "1801" + "2001" + "2801" + "3064" + "980100", Frames.EnvelopeHex(frame));
    }

    [Fact]
    public void An_optional_field_set_to_its_declared_default_is_written_and_an_unset_one_is_not()
    {
        var order = new ProtoOANewOrderReq
        {
            CtidTraderAccountId = 1, SymbolId = 1, OrderType = ProtoOAOrderType.Limit, TradeSide = ProtoOATradeSide.Sell, Volume = 1,
        };
        var withoutTif = Frames.EnvelopeHex(Frames.Encode(order));
        order.TimeInForce = ProtoOATimeInForce.GoodTillCancel;

        var withTif = Frames.EnvelopeHex(Frames.Encode(order));

        Assert.Equal("08BA10" + "120A" + "1001" + "1801" + "2002" + "2802" + "3001", withoutTif);
        Assert.Equal("08BA10" + "120C" + "1001" + "1801" + "2002" + "2802" + "3001" + "4802", withTif);
    }

    [Fact]
    public void SubscribeSpotsReq_writes_false_and_repeated_ids_unpacked()
    {
        var request = new ProtoOASubscribeSpotsReq { CtidTraderAccountId = 5, SubscribeToSpotTimestamp = false, SymbolId = { 1, 2 } };

        var frame = Frames.Encode(request);

        // payloadType 2127 = CF 10; payload: ctid=5, symbolId=1, symbolId=2, subscribeToSpotTimestamp=0.
        Assert.Equal("08CF10" + "1208" + "1005" + "1801" + "1802" + "2000", Frames.EnvelopeHex(frame));
    }

    [Fact]
    public void A_required_string_set_to_empty_is_written()
    {
        var frame = Frames.Encode(new ProtoOAVersionRes { Version = "" });

        Assert.Equal("08B910" + "1202" + "1200", Frames.EnvelopeHex(frame));
    }

    [Fact]
    public void WriteMessage_refuses_a_missing_required_field_writes_nothing_and_does_not_echo_values()
    {
        var writer = new ArrayBufferWriter<byte>();
        var auth = new ProtoOAApplicationAuthReq { ClientSecret = "top-secret-value" };

        var error = Assert.Throws<ProtocolException>(() => FrameCodec.WriteMessage(writer, auth));

        Assert.Equal(ProtocolErrorKind.MissingRequiredField, error.Kind);
        Assert.Contains("ProtoOAApplicationAuthReq.clientId", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("top-secret-value", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, writer.WrittenCount);
    }

    [Fact]
    public void WriteMessage_checks_required_fields_of_nested_messages()
    {
        var reply = new ProtoOATraderRes { CtidTraderAccountId = 1, Trader = new ProtoOATrader { CtidTraderAccountId = 1, DepositAssetId = 1 } };

        var error = Assert.Throws<ProtocolException>(() => Frames.Encode(reply));

        Assert.Contains("ProtoOATrader.balance", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_reports_a_missing_required_field_with_the_envelope_so_only_that_request_fails()
    {
        // VersionRes (2105 = B9 10) with an empty payload: its required version is missing.
        byte[] frame = [0x08, 0xB9, 0x10, 0x12, 0x00, 0x1A, 0x02, (byte)'4', (byte)'2'];

        var error = Assert.Throws<ProtocolException>(() => MessageDecoder.Decode(new ReadOnlySequence<byte>(frame)));

        Assert.Equal(ProtocolErrorKind.MissingRequiredField, error.Kind);
        Assert.Equal(2105u, error.PayloadType);
        Assert.Equal("42", error.ClientMsgId);
        Assert.False(error.BreaksStream);
    }
}
