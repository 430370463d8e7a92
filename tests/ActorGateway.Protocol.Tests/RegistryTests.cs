using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;

namespace ActorGateway.Protocol.Tests;

public sealed class PayloadRegistryTests
{
    [Fact]
    public void All_covers_every_payload_type_enum_value()
    {
        var expected = Enum.GetValues<ProtoOAPayloadType>().Select(v => (uint)v)
            .Concat([(uint)ProtoPayloadType.ErrorRes, (uint)ProtoPayloadType.HeartbeatEvent])
            .Order();

        Assert.Equal(expected, PayloadRegistry.All.Select(i => i.PayloadType));
    }

    [Theory]
    [MemberData(nameof(PublishedPayloadTypes.All), MemberType = typeof(PublishedPayloadTypes))]
    public void Each_published_payload_type_maps_to_its_number_enum_name_and_message(uint number, string enumName, string messageName)
    {
        Assert.True(PayloadRegistry.TryGet(number, out var info));
        Assert.Equal(enumName, info.PayloadTypeName);
        Assert.Equal(messageName, info.Name);
        Assert.Equal(number, PayloadRegistry.Of(info.ClrType).PayloadType);
    }

    [Fact]
    public void The_current_range_has_40_requests_36_responses_and_13_events()
    {
        var current = PayloadRegistry.All.Where(i => i.PayloadType is >= 2100 and <= 2188).ToList();

        Assert.Equal(40, current.Count(i => i.Kind == MessageKind.Request));
        Assert.Equal(36, current.Count(i => i.Kind == MessageKind.Response));
        Assert.Equal(13, current.Count(i => i.Kind == MessageKind.Event));
    }

    [Theory]
    [InlineData(2104u, 2105u)] // version
    [InlineData(2149u, 2150u)] // account list: enum and message names differ
    [InlineData(2160u, 2161u)] // symbol categories: likewise
    [InlineData(2135u, 2165u)] // live trendbar subscription: replies are numbered apart
    [InlineData(2106u, 2126u)] // new order → execution event
    [InlineData(2106u, 2132u)] // new order → order error event
    [InlineData(2111u, 2126u)] // close position → execution event
    [InlineData(2104u, 50u)]   // any request → common error
    [InlineData(2121u, 2142u)] // any request → Open API error
    public void IsReplyTo_pairs_requests_with_the_replies_that_end_them(uint request, uint reply)
    {
        Assert.True(PayloadRegistry.IsReplyTo(request, reply));
    }

    [Theory]
    [InlineData(2104u, 2122u)] // a different response
    [InlineData(2121u, 2126u)] // execution events end only trading requests
    [InlineData(2105u, 2105u)] // a response is not a request
    [InlineData(9999u, 50u)]   // unknown request
    public void IsReplyTo_rejects_replies_that_do_not_end_the_request(uint request, uint reply)
    {
        Assert.False(PayloadRegistry.IsReplyTo(request, reply));
    }

    [Fact]
    public void Every_request_has_a_reply_of_its_own_kind()
    {
        foreach (var request in PayloadRegistry.All.Where(i => i.Kind == MessageKind.Request))
        {
            Assert.NotEmpty(request.Replies);
            Assert.All(request.Replies, r => Assert.True(PayloadRegistry.TryGet(r, out var reply) && reply.Kind != MessageKind.Request));
        }
    }

    [Theory]
    [InlineData(2137u, RateClass.Historical)] // trendbars
    [InlineData(2145u, RateClass.Historical)] // tick data
    [InlineData(2133u, RateClass.Historical)] // deal list
    [InlineData(2143u, RateClass.Historical)] // cash flow history
    [InlineData(2104u, RateClass.Standard)]
    [InlineData(2106u, RateClass.Standard)]
    [InlineData(2131u, RateClass.None)]
    [InlineData(51u, RateClass.None)]
    public void RateClass_puts_history_requests_in_the_five_per_second_budget(uint payloadType, RateClass expected)
    {
        Assert.True(PayloadRegistry.TryGet(payloadType, out var info));
        Assert.Equal(expected, info.RateClass);
    }

    [Fact]
    public void Flags_mark_errors_trading_requests_and_account_scope()
    {
        Assert.True(PayloadRegistry.Of<ProtoOAErrorRes>().IsError);
        Assert.True(PayloadRegistry.Of<ProtoErrorRes>().IsError);
        Assert.False(PayloadRegistry.Of<ProtoOAVersionRes>().IsError);
        Assert.True(PayloadRegistry.Of<ProtoOAAmendPositionSLTPReq>().IsTradingRequest);
        Assert.False(PayloadRegistry.Of<ProtoOAReconcileReq>().IsTradingRequest);
        Assert.True(PayloadRegistry.Of<ProtoOATraderReq>().HasAccountId);
        Assert.False(PayloadRegistry.Of<ProtoOAVersionReq>().HasAccountId);
    }

    [Fact]
    public void Of_refuses_types_that_are_not_payloads()
    {
        var error = Assert.Throws<ProtocolException>(() => PayloadRegistry.Of(new ProtoOATrader()));

        Assert.Equal(ProtocolErrorKind.UnknownMessageType, error.Kind);
        Assert.Throws<ProtocolException>(() => PayloadRegistry.Of(new ProtoMessage()));
    }

    [Fact]
    public void TryGet_returns_false_for_unknown_numbers()
    {
        Assert.False(PayloadRegistry.TryGet(5, out _));
        Assert.False(PayloadRegistry.TryGet(2400, out _));
        Assert.False(PayloadRegistry.TryGet(uint.MaxValue, out _));
    }
}
