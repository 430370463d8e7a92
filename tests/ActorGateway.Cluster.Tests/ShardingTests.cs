using ActorGateway.Cluster.Messages;
using ActorGateway.Cluster.Tests.Support;
using ActorGateway.Protocol.Messages;
using ActorGateway.Trading;
using Akka.Actor;
using Akka.Cluster.Sharding;

namespace ActorGateway.Cluster.Tests;

/// <summary>Accounts sharded over two nodes, asked from a third node that hosts none.</summary>
public sealed class ShardingTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;
    private ClusterNode _a = null!;
    private ClusterNode _b = null!;
    private ClusterNode _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync(accounts: 6);
        _a = await _cluster.StartNodeAsync("a");
        _b = await _cluster.StartNodeAsync("b");
        _client = await _cluster.StartNodeAsync("client", hostsAccounts: false);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task AskAsync_from_a_client_node_returns_each_accounts_typed_reply()
    {
        foreach (var account in _cluster.AccountIds)
        {
            var trader = await _client.Accounts.AskAsync<ProtoOATraderRes>(account,
                new ProtoOATraderReq { CtidTraderAccountId = account }).OrTimeout(TestTimeouts.Dilated(TimeSpan.FromSeconds(30)));

            Assert.Equal(account, trader.Trader.CtidTraderAccountId);
        }

        // Both account nodes own some of them (12 shards by account id modulo 12: 3001-3006 are six shards), the client none.
        var onA = await EntitiesAsync(_a);
        var onB = await EntitiesAsync(_b);
        Assert.Equal(_cluster.AccountIds.Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(),
            onA.Concat(onB).Order());
        Assert.NotEmpty(onA);
        Assert.NotEmpty(onB);
    }

    [Fact]
    public async Task AskAsync_from_a_client_node_throws_the_servers_rejection_typed()
    {
        var account = _cluster.AccountIds[0];

        var rejected = await Assert.ThrowsAsync<GatewayRejectedException>(() => _client.Accounts.AskAsync<ProtoOAExecutionEvent>(
            account, new ProtoOANewOrderReq
            {
                CtidTraderAccountId = account, SymbolId = 999_999, OrderType = ProtoOAOrderType.Market,
                TradeSide = ProtoOATradeSide.Buy, Volume = 100_000,
            }).OrTimeout(TestTimeouts.Dilated(TimeSpan.FromSeconds(30))));

        Assert.False(string.IsNullOrEmpty(rejected.ErrorCode));
        Assert.Equal(account, rejected.AccountId);
    }

    [Fact]
    public async Task An_actor_on_a_client_node_hears_an_orders_reply_and_outcome()
    {
        var account = _cluster.AccountIds[1];
        var probe = new TestProbe<object>();
        var requester = _client.System.ActorOf(ProbeActor.Props(probe));

        _client.Region.Tell(new AccountEnvelope(account, new ProtoOANewOrderReq
        {
            CtidTraderAccountId = account, SymbolId = 1, OrderType = ProtoOAOrderType.Market,
            TradeSide = ProtoOATradeSide.Buy, Volume = 100_000,
        }), requester);

        var bound = TestTimeouts.Dilated(TimeSpan.FromSeconds(30));
        var accepted = await probe.ExpectAsync<ProtoOAExecutionEvent>(bound);
        Assert.Equal(account, accepted.CtidTraderAccountId);
        // Order steps (an OrderUpdate per later execution event) may come before the outcome; a market order has few.
        object next;
        var steps = 0;
        while ((next = await probe.ExpectAsync(bound)) is OrderUpdate)
        {
            Assert.True(++steps < 10, "too many order steps before the outcome");
        }

        var outcome = Assert.IsType<OrderOutcome>(next);
        Assert.Equal(OrderState.Filled, outcome.State);
        Assert.Equal(accepted.Order.OrderId, outcome.OrderId);
    }

    private static async Task<IReadOnlyList<string>> EntitiesAsync(ClusterNode node)
    {
        var state = await node.Region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TestTimeouts.Default);
        return state.Shards.SelectMany(s => s.EntityIds).ToList();
    }
}
