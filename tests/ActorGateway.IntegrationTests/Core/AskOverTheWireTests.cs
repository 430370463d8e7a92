using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;

namespace ActorGateway.IntegrationTests.Core;

/// <summary>The request path end to end against the simulator, over TLS and over plain TCP.</summary>
public sealed class AskOverTheWireTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AskAsync_returns_typed_replies_after_application_and_account_auth(bool tls)
    {
        await using var exchange = await SimulatedExchange.StartAsync(tls);
        var client = await exchange.CreateAuthorizedClientAsync(withAccount: true);

        var version = await client.GetVersionAsync().OrTimeout();
        var trader = await client.GetTraderAsync(SimulatedExchange.DemoAccount).OrTimeout();
        var symbols = await client.GetSymbolsAsync(SimulatedExchange.DemoAccount).OrTimeout();

        Assert.Equal("sim-91", version.Version);
        Assert.Equal(SimulatedExchange.DemoAccount, trader.Trader.CtidTraderAccountId);
        Assert.Contains(symbols.Symbol, s => s.SymbolName == "EURUSD" && s.SymbolId == SimulatedExchange.EurUsd);
        Assert.Equal(ConnectionState.Connected, client.State);
        exchange.Logs.AssertNoUnexpectedEntries();
    }

    [Fact]
    public async Task A_wrong_secret_is_a_typed_rejection_and_the_server_then_closes()
    {
        await using var exchange = await SimulatedExchange.StartAsync(tls: true);
        var client = exchange.CreateClient();
        var disconnected = new TestProbe<GatewayDisconnectedEventArgs>();
        client.Disconnected += (_, e) => disconnected.Tell(e);

        var error = await Assert.ThrowsAsync<GatewayRejectedException>(
            () => client.AuthorizeApplicationAsync(SimulatedExchange.ClientId, "not-the-secret").OrTimeout());

        Assert.Equal("CH_CLIENT_AUTH_FAILURE", error.ErrorCode);
        Assert.DoesNotContain("not-the-secret", error.ToString(), StringComparison.Ordinal);
        await disconnected.ExpectAsync();
    }

    [Fact]
    public async Task A_request_before_application_auth_is_rejected_with_the_servers_code()
    {
        await using var exchange = await SimulatedExchange.StartAsync(tls: false);
        var client = exchange.CreateClient();

        var error = await Assert.ThrowsAsync<GatewayRejectedException>(() => client.GetVersionAsync().OrTimeout());

        Assert.Equal("CH_CLIENT_NOT_AUTHENTICATED", error.ErrorCode);
        Assert.Equal(2142u, error.PayloadType);
    }

    [Fact]
    public async Task A_market_order_ends_on_its_first_execution_and_the_fill_still_arrives_as_an_event()
    {
        await using var exchange = await SimulatedExchange.StartAsync(tls: true);
        var client = await exchange.CreateAuthorizedClientAsync(withAccount: true);
        var executions = new TestProbe<ProtoOAExecutionEvent>();
        client.MessageReceived += (_, e) =>
        {
            if (e.Message.Payload is ProtoOAExecutionEvent execution)
            {
                executions.Tell(execution);
            }
        };

        var first = await client.PlaceMarketOrderAsync(SimulatedExchange.DemoAccount, SimulatedExchange.EurUsd,
            ProtoOATradeSide.Buy, 100_000).OrTimeout();

        Assert.Equal(ProtoOAExecutionType.OrderAccepted, first.ExecutionType);
        Assert.Equal(ProtoOAExecutionType.OrderAccepted, (await executions.ExpectAsync()).ExecutionType);
        var fill = await executions.ExpectAsync();
        Assert.Equal(ProtoOAExecutionType.OrderFilled, fill.ExecutionType);
        Assert.Equal(first.Order.OrderId, fill.Order.OrderId);
    }

    [Fact]
    public async Task An_order_error_event_is_a_typed_rejection()
    {
        await using var exchange = await SimulatedExchange.StartAsync(tls: false);
        var client = await exchange.CreateAuthorizedClientAsync(withAccount: true);

        var error = await Assert.ThrowsAsync<GatewayRejectedException>(() => client.PlaceMarketOrderAsync(
            SimulatedExchange.DemoAccount, SimulatedExchange.EurUsd, ProtoOATradeSide.Sell, 123).OrTimeout());

        Assert.Equal("TRADING_BAD_VOLUME", error.ErrorCode);
        Assert.Equal(2132u, error.PayloadType);
        Assert.Equal(SimulatedExchange.DemoAccount, error.AccountId);
    }
}
