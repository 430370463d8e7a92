using System.Diagnostics;
using System.Globalization;
using ActorGateway.Cluster.Lease;
using ActorGateway.Cluster.Tests.Support;
using ActorGateway.Protocol.Messages;
using Akka.Actor;
using Xunit.Abstractions;

namespace ActorGateway.Cluster.Tests;

/// <summary>
/// With the lease, a crashed node's accounts come back on the others by themselves — and only once its leases expired in
/// the database, so there is no moment at which two nodes could both send an account's orders.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class LeaseFailoverTests(PostgresFixture postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TestTimeouts.Dilated(TimeSpan.FromSeconds(90));
    private static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(3);
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestCluster.StartAsync(accounts: 9);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_crashed_nodes_accounts_come_back_only_after_its_leases_expired()
    {
        var table = "leases_" + _suffix;
        var nodes = new ClusterNode[3];
        for (var i = 0; i < nodes.Length; i++)
        {
            // A database role per node, so the test can cut one node off the database as its crash would.
            await postgres.ExecuteAsync($"CREATE ROLE {Role(i)} LOGIN SUPERUSER");
            var lease = postgres.NewOptions(timeToLive: TimeToLive, user: Role(i));
            lease.TableName = table;
            lease.OperationTimeout = TimeSpan.FromSeconds(1);
            nodes[i] = await _cluster.StartNodeAsync(((char)('a' + i)).ToString(), startAccounts: true, accountNodes: nodes.Length,
                extraHocon: "akka.coordinated-shutdown.run-by-actor-system-terminate = off", lease: lease);
        }

        var client = await _cluster.StartNodeAsync("client", hostsAccounts: false);
        await Eventually.MatchAsync(() => Entities.RunningOnAsync(nodes), AllAccounts, Bound, "every account running");
        var crashed = nodes[^1];
        var survivors = nodes[..^1];
        var lost = await Entities.RunningOnAsync(crashed);
        Assert.NotEmpty(lost);
        var crashedOwner = crashed.Address.HostPort();
        var leases = AccountLeaseStores.Get(survivors[0].System);

        // The crash: the node can no longer renew or release its leases, and its actor system goes without leaving.
        await postgres.ExecuteAsync($"ALTER ROLE {Role(nodes.Length - 1)} NOLOGIN");
        await postgres.ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{Role(nodes.Length - 1)}'");
        var clock = Stopwatch.StartNew();
        var held = (await leases.ReadAllAsync()).Where(r => r.Owner == crashedOwner).ToList();
        await crashed.System.Terminate().OrTimeout(Bound);
        await Eventually.MatchAsync(() => Entities.RunningOnAsync(survivors), AllAccounts, Bound, "every account running on the survivors");
        var restarted = clock.Elapsed;
        foreach (var id in lost.Select(long.Parse))
        {
            var trader = await client.Accounts.AskAsync<ProtoOATraderRes>(id, new ProtoOATraderReq { CtidTraderAccountId = id }).OrTimeout(Bound);
            Assert.Equal(id, trader.Trader.CtidTraderAccountId);
        }

        var answering = clock.Elapsed;
        var now = (await leases.ReadAllAsync()).ToDictionary(r => r.Name);
        Assert.NotEmpty(held);
        foreach (var old in held)
        {
            var current = now[old.Name];
            Assert.NotEqual(crashedOwner, current.Owner);
            Assert.True(current.AcquiredAt >= old.ExpiresAt,
                $"{old.Name} was taken at {current.AcquiredAt:O}, before the crashed node's lease expired at {old.ExpiresAt:O}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"crash with lease (ttl {TimeToLive.TotalSeconds:0} s): {lost.Count} accounts in {held.Count} shards restarted elsewhere after " +
            $"{restarted.TotalSeconds:0.0} s, answering after {answering.TotalSeconds:0.0} s"));
        await crashed.DisposeAsync();
        _cluster.Forget(crashed);
    }

    private string Role(int node) => $"node_{(char)('a' + node)}_{_suffix}";

    private bool AllAccounts(IReadOnlyList<string> running) =>
        running.Count == _cluster.AccountIds.Count
        && _cluster.AccountIds.All(a => running.Contains(a.ToString(CultureInfo.InvariantCulture)));
}
