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

        var running = await Eventually.MatchAsync(() => Entities.RunningOnAsync(a, b), AllAccounts, Bound, "every account running");

        Assert.Equal(Ids(_cluster.AccountIds), running.Order());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_leaving_nodes_accounts_come_back_on_the_others_by_themselves(bool oldest)
    {
        var (nodes, client) = await StartAccountNodesAsync(extraHocon: "");
        var leaving = Pick(nodes, oldest);
        var staying = nodes.Where(n => n != leaving).ToArray();
        var moving = await Entities.RunningOnAsync(leaving);
        Assert.NotEmpty(moving);

        var clock = Stopwatch.StartNew();
        await leaving.LeaveAsync();
        _cluster.Forget(leaving);
        await Eventually.MatchAsync(() => Entities.RunningOnAsync(staying), AllAccounts, Bound, "every account running on the others");
        var restarted = clock.Elapsed;
        await AllAnswerAsync(client, moving);
        output.WriteLine($"leave ({(oldest ? "oldest" : "youngest")}): {moving.Count} accounts restarted elsewhere after " +
            $"{restarted.TotalSeconds:0.0} s, answering after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <remarks>The oldest node runs the shard coordinator: when it is the one that crashed, a new coordinator must take
    /// over with fewer account nodes than the cluster booted with and still place the crashed node's accounts.</remarks>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_crashed_nodes_accounts_come_back_after_it_is_downed(bool oldest)
    {
        // A crash: the system goes without leaving the cluster, so the others must detect it and the resolver down it.
        var (nodes, client) = await StartAccountNodesAsync("akka.coordinated-shutdown.run-by-actor-system-terminate = off");
        var crashed = Pick(nodes, oldest);
        var surviving = nodes.Where(n => n != crashed).ToArray();
        var lost = await Entities.RunningOnAsync(crashed);
        Assert.NotEmpty(lost);

        var clock = Stopwatch.StartNew();
        await crashed.System.Terminate().OrTimeout();
        await Eventually.MatchAsync(() => Entities.RunningOnAsync(surviving), AllAccounts, Bound, "every account running on the survivors");
        var restarted = clock.Elapsed;
        await AllAnswerAsync(client, lost);
        output.WriteLine($"crash ({(oldest ? "oldest" : "youngest")}): {lost.Count} accounts restarted elsewhere after " +
            $"{restarted.TotalSeconds:0.0} s, answering after {clock.Elapsed.TotalSeconds:0.0} s");
        await crashed.DisposeAsync();
        _cluster.Forget(crashed);
    }

    // Three account nodes, none starting an account before all three joined, and a client node; every account running.
    private async Task<(ClusterNode[] Nodes, ClusterNode Client)> StartAccountNodesAsync(string extraHocon)
    {
        var nodes = new ClusterNode[3];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = await _cluster.StartNodeAsync(((char)('a' + i)).ToString(), startAccounts: true, extraHocon: extraHocon,
                accountNodes: nodes.Length);
        }

        var client = await _cluster.StartNodeAsync("client", hostsAccounts: false);
        await Eventually.MatchAsync(() => Entities.RunningOnAsync(nodes), AllAccounts, Bound, "every account running");
        return (nodes, client);
    }

    private static ClusterNode Pick(ClusterNode[] nodes, bool oldest)
    {
        var members = Akka.Cluster.Cluster.Get(nodes[0].System).State.Members
            .Where(m => m.HasRole(Hosting.AccountRegion.HostRole) && m.Status == Akka.Cluster.MemberStatus.Up)
            .Order(Akka.Cluster.Member.AgeOrdering)
            .ToList();
        Assert.Equal(nodes.Length, members.Count);
        var address = (oldest ? members[0] : members[^1]).Address;
        return nodes.Single(n => n.Address == address);
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
}
