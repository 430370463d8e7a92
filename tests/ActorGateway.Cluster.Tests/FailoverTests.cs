using System.Diagnostics;
using System.Globalization;
using ActorGateway.Cluster.Tests.Support;
using ActorGateway.Protocol.Messages;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Xunit.Abstractions;

namespace ActorGateway.Cluster.Tests;

/// <summary>
/// Accounts configured for the cluster start at boot and, when their node leaves or dies, start again on the others
/// without waiting for a request; then they answer from there.
/// </summary>
public sealed class FailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Generous: with the machine's cores shared by other builds (load average above 20) a hand-over once took over 40 s,
    // because each coordinator update must reach every account node (distributed data's majority-min-cap of 5).
    private static readonly TimeSpan Bound = TestTimeouts.Dilated(TimeSpan.FromSeconds(90));
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestCluster.StartAsync(accounts: 9);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Accounts_configured_at_boot_start_without_a_request()
    {
        var a = await _cluster.StartNodeAsync("a", startAccounts: true);
        var b = await _cluster.StartNodeAsync("b", startAccounts: true);

        var running = await Eventually.MatchAsync(() => EntitiesAsync(a, b), AllAccounts, Bound, "every account running");

        Assert.Equal(Ids(_cluster.AccountIds), running.Order());
    }

    [Fact]
    public async Task A_leaving_nodes_accounts_come_back_on_the_others_by_themselves()
    {
        var a = await _cluster.StartNodeAsync("a", startAccounts: true, accountNodes: 3);
        var b = await _cluster.StartNodeAsync("b", startAccounts: true, accountNodes: 3);
        var c = await _cluster.StartNodeAsync("c", startAccounts: true, accountNodes: 3);
        var client = await _cluster.StartNodeAsync("client", hostsAccounts: false, accountNodes: 3);
        await Eventually.MatchAsync(() => EntitiesAsync(a, b, c), AllAccounts, Bound, "every account running");
        var moving = await EntitiesAsync(b);
        Assert.NotEmpty(moving);

        var clock = Stopwatch.StartNew();
        await b.LeaveAsync();
        _cluster.Forget(b);
        await Eventually.MatchAsync(() => EntitiesAsync(a, c), AllAccounts, Bound, "every account running on a and c");
        var restarted = clock.Elapsed;
        await AllAnswerAsync(client, moving);
        output.WriteLine($"leave: {moving.Count} accounts restarted elsewhere after {restarted.TotalSeconds:0.0} s, " +
            $"answering after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_crashed_nodes_accounts_come_back_after_it_is_downed()
    {
        var a = await _cluster.StartNodeAsync("a", startAccounts: true, accountNodes: 3);
        var b = await _cluster.StartNodeAsync("b", startAccounts: true, accountNodes: 3);
        // A crash: the system goes without leaving the cluster, so the others must detect it and the resolver down it.
        var c = await _cluster.StartNodeAsync("c", startAccounts: true,
            extraHocon: "akka.coordinated-shutdown.run-by-actor-system-terminate = off", accountNodes: 3);
        var client = await _cluster.StartNodeAsync("client", hostsAccounts: false, accountNodes: 3);
        await Eventually.MatchAsync(() => EntitiesAsync(a, b, c), AllAccounts, Bound, "every account running");
        var lost = await EntitiesAsync(c);
        Assert.NotEmpty(lost);

        var clock = Stopwatch.StartNew();
        await c.System.Terminate().OrTimeout();
        await Eventually.MatchAsync(() => EntitiesAsync(a, b), AllAccounts, Bound, "every account running on a and b");
        var restarted = clock.Elapsed;
        await AllAnswerAsync(client, lost);
        output.WriteLine($"crash: {lost.Count} accounts restarted elsewhere after {restarted.TotalSeconds:0.0} s, " +
            $"answering after {clock.Elapsed.TotalSeconds:0.0} s");
        await c.DisposeAsync();
        _cluster.Forget(c);
    }

    private bool AllAccounts(IReadOnlyList<string> running) =>
        Ids(_cluster.AccountIds).All(running.Contains) && running.Count == _cluster.AccountIds.Count;

    private static async Task AllAnswerAsync(ClusterNode client, IEnumerable<string> accounts)
    {
        foreach (var id in accounts.Select(long.Parse))
        {
            var trader = await client.Accounts.AskAsync<ProtoOATraderRes>(id, new ProtoOATraderReq { CtidTraderAccountId = id })
                .OrTimeout(Bound);
            Assert.Equal(id, trader.Trader.CtidTraderAccountId);
        }
    }

    private static IEnumerable<string> Ids(IEnumerable<long> accounts) =>
        accounts.Select(a => a.ToString(CultureInfo.InvariantCulture)).Order();

    private static async Task<IReadOnlyList<string>> EntitiesAsync(params ClusterNode[] nodes)
    {
        var all = new List<string>();
        foreach (var node in nodes)
        {
            var state = await node.Region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TestTimeouts.Default);
            all.AddRange(state.Shards.SelectMany(s => s.EntityIds));
        }

        return all;
    }
}
