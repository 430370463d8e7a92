using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;
using ActorGateway.Tests.Support;

namespace ActorGateway.Tests.Correlation;

public sealed class TypedHelperTests
{
    [Fact]
    public async Task GetTraderAsync_sends_the_account_id_and_returns_the_typed_reply()
    {
        await using var harness = new ClientHarness();
        var server = await harness.ConnectAsync();

        var asking = harness.Client.GetTraderAsync(77);
        var (request, id) = await server.ExpectAsync<ProtoOATraderReq>();
        await server.SendAsync(new ProtoOATraderRes
        {
            CtidTraderAccountId = 77, Trader = new ProtoOATrader { CtidTraderAccountId = 77, Balance = 5, DepositAssetId = 1 },
        }, id);

        Assert.Equal(77, request.CtidTraderAccountId);
        Assert.Equal(5, (await asking.OrTimeout()).Trader.Balance);
    }

    [Fact]
    public async Task PlaceLimitOrderAsync_sends_a_limit_order_and_ends_on_its_execution_event()
    {
        await using var harness = new ClientHarness();
        var server = await harness.ConnectAsync();

        var ordering = harness.Client.PlaceLimitOrderAsync(3, 1, ProtoOATradeSide.Sell, 1000, 1.2345);
        var (order, id) = await server.ExpectAsync<ProtoOANewOrderReq>();
        await server.SendAsync(Replies.Execution(3, ProtoOAExecutionType.OrderAccepted), id);

        Assert.Equal((3L, ProtoOAOrderType.Limit, ProtoOATradeSide.Sell, 1000L, 1.2345),
            (order.CtidTraderAccountId, order.OrderType, order.TradeSide, order.Volume, order.LimitPrice));
        Assert.False(order.HasStopPrice);
        Assert.Equal(ProtoOAExecutionType.OrderAccepted, (await ordering.OrTimeout()).ExecutionType);
    }

    [Fact]
    public async Task GetTrendbarsAsync_sends_millisecond_timestamps_in_the_historical_class()
    {
        await using var harness = new ClientHarness();
        var server = await harness.ConnectAsync();
        var from = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

        _ = harness.Client.GetTrendbarsAsync(3, 1, ProtoOATrendbarPeriod.H1, from, from.AddDays(1));
        var (request, _) = await server.ExpectAsync<ProtoOAGetTrendbarsReq>();

        Assert.Equal((from.ToUnixTimeMilliseconds(), from.AddDays(1).ToUnixTimeMilliseconds(), ProtoOATrendbarPeriod.H1),
            (request.FromTimestamp, request.ToTimestamp, request.Period));
    }

    [Fact]
    public async Task AmendPositionProtectionAsync_sets_only_the_levels_given()
    {
        await using var harness = new ClientHarness();
        var server = await harness.ConnectAsync();

        _ = harness.Client.AmendPositionProtectionAsync(3, 44, stopLoss: 1.1, takeProfit: null);
        var (request, _) = await server.ExpectAsync<ProtoOAAmendPositionSLTPReq>();

        Assert.Equal((44L, 1.1), (request.PositionId, request.StopLoss));
        Assert.False(request.HasTakeProfit);
    }

    [Fact]
    public async Task AuthorizeApplicationAsync_rejected_credentials_never_show_the_secret_in_the_error()
    {
        await using var harness = new ClientHarness();
        var server = await harness.ConnectAsync();

        var authorizing = harness.Client.AuthorizeApplicationAsync("app", "s3cr3t-value");
        var (request, id) = await server.ExpectAsync<ProtoOAApplicationAuthReq>();
        var refusal = new ProtoOAErrorRes { ErrorCode = "CH_CLIENT_AUTH_FAILURE", Description = "clientId or clientSecret is incorrect" };
        await server.SendAsync(refusal, id);

        var error = await Assert.ThrowsAsync<GatewayRejectedException>(() => authorizing.OrTimeout());
        Assert.Equal("s3cr3t-value", request.ClientSecret);
        Assert.DoesNotContain("s3cr3t", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Logs.Entries, e => e.Message.Contains("s3cr3t", StringComparison.Ordinal));
    }
}
