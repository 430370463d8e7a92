using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;
using ActorGateway.Tests.Support;

namespace ActorGateway.Tests.Throttling;

public sealed class ThrottledSendingTests
{
    [Fact]
    public async Task Historical_requests_go_at_five_per_second_in_order_while_standard_ones_are_not_held_back()
    {
        await using var harness = new ClientHarness();
        var server = await harness.ConnectAsync();

        for (var i = 1; i <= 7; i++)
        {
            _ = harness.Client.AskAsync<ProtoOAGetTickDataRes>(TickData(i), TimeSpan.FromMinutes(1));
        }

        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(i, (await server.ExpectAsync<ProtoOAGetTickDataReq>()).Message.SymbolId);
        }

        await harness.RoundTripAsync(server); // a standard request passes the historical backlog
        await harness.SettleAsync();
        harness.Time.Advance(ActorGateway.Throttling.RateLimiterThrottle.Window);

        Assert.Equal(6, (await server.ExpectAsync<ProtoOAGetTickDataReq>()).Message.SymbolId);
        Assert.Equal(7, (await server.ExpectAsync<ProtoOAGetTickDataReq>()).Message.SymbolId);
    }

    [Fact]
    public async Task Throttle_turned_off_sends_everything_at_once()
    {
        await using var harness = new ClientHarness(o => o.Throttle.Enabled = false);
        var server = await harness.ConnectAsync();

        for (var i = 1; i <= 60; i++)
        {
            _ = harness.Client.AskAsync<ProtoOAGetTickDataRes>(TickData(i), TimeSpan.FromMinutes(1));
        }

        for (var i = 1; i <= 60; i++)
        {
            Assert.Equal(i, (await server.ExpectAsync<ProtoOAGetTickDataReq>()).Message.SymbolId);
        }
    }

    private static ProtoOAGetTickDataReq TickData(long symbolId) =>
        new() { CtidTraderAccountId = 1, SymbolId = symbolId, Type = ProtoOAQuoteType.Bid };
}
