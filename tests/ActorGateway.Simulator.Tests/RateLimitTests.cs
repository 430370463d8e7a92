using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Tests.Support;
using static ActorGateway.Simulator.Tests.Support.SimulatorHost;

namespace ActorGateway.Simulator.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Request_over_50_per_second_gets_REQUEST_FREQUENCY_EXCEEDED_until_the_next_second()
    {
        await using var host = await StartAsync();
        var client = await host.AppAuthenticatedAsync();
        host.Time.Advance(TimeSpan.FromSeconds(1));

        for (var i = 0; i < 50; i++)
        {
            await client.SendAsync(new ProtoOAVersionReq(), $"v{i}");
        }

        await client.SendAsync(new ProtoOAVersionReq(), "over");
        for (var i = 0; i < 50; i++)
        {
            await client.ExpectAsync<ProtoOAVersionRes>($"v{i}");
        }

        var error = await client.ExpectAsync<ProtoOAErrorRes>("over");
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await client.SendAsync(new ProtoOAVersionReq(), "later");

        Assert.Equal("REQUEST_FREQUENCY_EXCEEDED", error.ErrorCode);
        await client.ExpectAsync<ProtoOAVersionRes>("later");
    }

    [Fact]
    public async Task Sixth_historical_request_in_a_second_is_refused_while_ordinary_ones_pass()
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync();
        var request = new ProtoOAGetTrendbarsReq { CtidTraderAccountId = Demo1, SymbolId = 1, Period = ProtoOATrendbarPeriod.H1,
            Count = 1 };

        for (var i = 0; i < 5; i++)
        {
            await client.SendAsync(request, $"h{i}");
            await client.ExpectAsync<ProtoOAGetTrendbarsRes>($"h{i}");
        }

        await client.SendAsync(request, "h5");
        var error = await client.ExpectAsync<ProtoOAErrorRes>("h5");
        await client.SendAsync(new ProtoOAVersionReq(), "ordinary");

        Assert.Equal("REQUEST_FREQUENCY_EXCEEDED", error.ErrorCode);
        await client.ExpectAsync<ProtoOAVersionRes>("ordinary");
    }

    [Fact]
    public async Task Block_style_answers_BLOCKED_PAYLOAD_TYPE_with_retryAfter_and_blocks_only_that_type_for_the_block_duration()
    {
        await using var host = await StartAsync(o =>
        {
            o.RateLimits.Style = RateLimitStyle.BlockPayloadType;
            o.RateLimits.RequestsPerSecond = 3;
            o.RateLimits.BlockDuration = TimeSpan.FromSeconds(5);
        });
        var client = await host.AppAuthenticatedAsync();
        host.Time.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 3; i++)
        {
            await client.SendAsync(new ProtoOAVersionReq(), $"v{i}");
            await client.ExpectAsync<ProtoOAVersionRes>($"v{i}");
        }

        await client.SendAsync(new ProtoOAVersionReq(), "over");
        var blocked = await client.ExpectAsync<ProtoOAErrorRes>("over");
        host.Time.Advance(TimeSpan.FromSeconds(2));
        await client.SendAsync(new ProtoOAVersionReq(), "still");
        var stillBlocked = await client.ExpectAsync<ProtoOAErrorRes>("still");
        await client.SendAsync(new ProtoOAGetAccountListByAccessTokenReq { AccessToken = Token }, "other-type");
        await client.ExpectAsync<ProtoOAGetAccountListByAccessTokenRes>("other-type");
        host.Time.Advance(TimeSpan.FromSeconds(3));
        await client.SendAsync(new ProtoOAVersionReq(), "free");

        Assert.Equal(("BLOCKED_PAYLOAD_TYPE", 5UL), (blocked.ErrorCode, blocked.RetryAfter));
        Assert.Equal(("BLOCKED_PAYLOAD_TYPE", 3UL), (stillBlocked.ErrorCode, stillBlocked.RetryAfter));
        await client.ExpectAsync<ProtoOAVersionRes>("free");
    }
}
