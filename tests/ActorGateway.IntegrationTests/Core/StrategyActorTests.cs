using ActorGateway.IntegrationTests.Support;
using ActorGateway.Protocol.Messages;
using ActorGateway.Trading;
using Akka.Actor;

namespace ActorGateway.IntegrationTests.Core;

public sealed class StrategyActorTests : Akka.TestKit.Xunit2.TestKit
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_strategy_actor_tells_a_market_order_and_hears_its_fill_as_messages(bool tls)
    {
        await using var exchange = await SimulatedExchange.StartAsync(tls);
        await using var client = new GatewayClient(Sys, SimulatorClientOptions.For(exchange.Server, exchange.Logs));
        var report = CreateTestProbe();
        var credentials = new Credentials(SimulatedExchange.ClientId, SimulatedExchange.ClientSecret, SimulatedExchange.DemoAccount,
            SimulatedExchange.AccessToken);

        Sys.ActorOf(Props.Create(() => new MarketOrderStrategy(client.Gateway, credentials, SimulatedExchange.EurUsd, 100_000, report)));

        var heard = new List<object>();
        report.FishForMessage(message =>
        {
            heard.Add(message);
            return message is OrderOutcome;
        }, TimeSpan.FromSeconds(10));

        var states = heard.OfType<ConnectionStateChanged>().Select(s => s.State).ToList();
        Assert.Equal([ConnectionState.Idle, ConnectionState.Connecting, ConnectionState.Connected], states);
        var accepted = Assert.Single(heard.OfType<ProtoOAExecutionEvent>());
        Assert.Equal(ProtoOAExecutionType.OrderAccepted, accepted.ExecutionType);
        var fill = Assert.Single(heard.OfType<OrderUpdate>());
        Assert.Equal(OrderState.Filled, fill.State);
        var outcome = (OrderOutcome)heard[^1];
        Assert.Equal((OrderState.Filled, accepted.Order.OrderId, false), (outcome.State, outcome.OrderId, outcome.ResolvedByReconcile));
        Assert.Equal(100_000, outcome.Order!.ExecutedVolume);
        Assert.Empty(heard.OfType<Status.Failure>());
        exchange.Logs.AssertNoUnexpectedEntries();
    }
}
