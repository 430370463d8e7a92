using ActorGateway.Cluster.Lease;
using ActorGateway.Cluster.Tests.Support;
using ActorGateway.Protocol.Messages;
using Akka.Actor;

namespace ActorGateway.Cluster.Tests;

/// <summary>
/// An account entity on a node whose shard lease has lapsed (its clock moved on while the database stalled, as for a node
/// woken from a freeze) refuses orders, typed and without sending anything, and still answers requests that trade nothing.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class FencingTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TestTimeouts.Dilated(TimeSpan.FromSeconds(30));
    private readonly FakeTimeProvider _clock = new();
    private TestCluster _cluster = null!;
    private AccountLeaseOptions _lease = null!;
    private ClusterNode _node = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync(accounts: 2);
        _lease = postgres.NewOptions(_clock);
        // Long enough that the stalled renewal is still waiting (the shard still running) while the test sends its requests.
        _lease.OperationTimeout = Bound;
        _node = await _cluster.StartNodeAsync("fenced", lease: _lease);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task While_the_lease_is_held_orders_go_out_and_the_shard_holds_the_row_as_this_node()
    {
        var account = _cluster.AccountIds[0];

        var executed = await _node.Accounts.AskAsync<ProtoOAExecutionEvent>(account, MarketOrder(account)).OrTimeout(Bound);

        Assert.Equal(account, executed.CtidTraderAccountId);
        var row = Assert.Single(await AccountLeaseStores.Get(_node.System).ReadAllAsync());
        Assert.Equal($"actorgateway-shard-account-{account % 12}", row.Name);
        Assert.Equal(_node.Address.HostPort(), row.Owner);
        Assert.True(row.Held);
        Assert.Equal(0, AccountFencing.Get(_node.System).Refusals);
    }

    [Fact]
    public async Task With_a_lapsed_lease_an_order_is_refused_as_fenced_and_nothing_is_sent()
    {
        var account = _cluster.AccountIds[1];
        // The entity runs (and has reconciled) before the lease lapses.
        await _node.Accounts.AskAsync<ProtoOATraderRes>(account, new ProtoOATraderReq { CtidTraderAccountId = account }).OrTimeout(Bound);
        await using (await postgres.StallAsync(_lease.TableName))
        {
            _clock.Advance(_lease.TimeToLive);

            var fenced = await Assert.ThrowsAsync<GatewayFencedException>(() =>
                _node.Accounts.AskAsync<ProtoOAExecutionEvent>(account, MarketOrder(account)).OrTimeout(Bound));
            var trader = await _node.Accounts.AskAsync<ProtoOATraderRes>(account,
                new ProtoOATraderReq { CtidTraderAccountId = account }).OrTimeout(Bound);
            var state = await _node.Accounts.AskAsync<ProtoOAReconcileRes>(account,
                new ProtoOAReconcileReq { CtidTraderAccountId = account }).OrTimeout(Bound);

            Assert.Equal(account, fenced.AccountId);
            Assert.True(fenced.IsTransient);
            Assert.Equal(account, trader.Trader.CtidTraderAccountId);
            Assert.Empty(state.Position);
            Assert.Empty(state.Order);
            Assert.Equal(1, AccountFencing.Get(_node.System).Refusals);
        }
    }

    private static ProtoOANewOrderReq MarketOrder(long account) => new()
    {
        CtidTraderAccountId = account, SymbolId = 1, OrderType = ProtoOAOrderType.Market, TradeSide = ProtoOATradeSide.Buy,
        Volume = 100_000, Label = "fencing",
    };
}
