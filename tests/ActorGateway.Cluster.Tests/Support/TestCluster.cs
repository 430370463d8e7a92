using ActorGateway.Cluster.Hosting;
using ActorGateway.Cluster.Lease;
using ActorGateway.Session;
using ActorGateway.Simulator;

namespace ActorGateway.Cluster.Tests.Support;

/// <summary>
/// The in-process simulator on 127.0.0.1:0, knowing <see cref="AccountIds"/>, and cluster nodes on 127.0.0.1 with
/// free ports whose account entities trade on it. The first node joins itself; the others join it.
/// </summary>
internal sealed class TestCluster : IAsyncDisposable
{
    public const string Token = "cluster-access-token";
    private readonly List<ClusterNode> _nodes = [];

    private TestCluster(SimulatorServer server, FakeTimeProvider clock, long[] accounts)
    {
        Server = server;
        Clock = clock;
        AccountIds = accounts;
    }

    public SimulatorServer Server { get; }

    /// <summary>The simulator's clock: advancing it by its tick interval makes the market move (spots for subscribers).</summary>
    public FakeTimeProvider Clock { get; }

    public IReadOnlyList<long> AccountIds { get; }

    public static async Task<TestCluster> StartAsync(int accounts)
    {
        var ids = Enumerable.Range(0, accounts).Select(i => 3001L + i).ToArray();
        var options = new SimulatorOptions { Port = 0, UseTls = false };
        options.Credentials.Accounts = [.. ids.Select(id => new AccountOptions { AccountId = id })];
        options.Credentials.Tokens = [new TokenOptions { AccessToken = Token, AccountIds = [.. ids] }];
        var clock = new FakeTimeProvider();
        var server = new SimulatorServer(options, clock);
        await server.StartAsync().OrTimeout();
        return new TestCluster(server, clock, ids);
    }

    /// <summary>Starts a node; <paramref name="hostsAccounts"/> false makes a client node with a proxy.</summary>
    /// <remarks><paramref name="accountNodes"/>: how many account nodes must have joined before the node's accounts start;
    /// <paramref name="lease"/>: the shards' lease (null: none).</remarks>
    public async Task<ClusterNode> StartNodeAsync(string name, bool hostsAccounts = true, bool startAccounts = false,
        string extraHocon = "", int accountNodes = 1, AccountLeaseOptions? lease = null)
    {
        var options = new AccountClusterOptions
        {
            HostsAccounts = hostsAccounts,
            Shards = 12,
            MinimumAccountNodes = accountNodes,
            Accounts = startAccounts ? AccountIds : [],
            SessionOptions = hostsAccounts ? SessionOptionsFor : null,
            // Quick detection for tests on one machine; the README states the production defaults and why.
            HeartbeatInterval = TimeSpan.FromMilliseconds(500),
            AcceptableHeartbeatPause = TestTimeouts.Dilated(TimeSpan.FromSeconds(2)),
            StableAfter = TimeSpan.FromSeconds(1),
            Lease = lease,
            // Safe only with the lease: a downed node's shards then still wait for its leases to expire.
            DownRemovalMargin = lease is null ? null : TimeSpan.FromMilliseconds(100),
        };
        var node = await ClusterNode.StartAsync(name, options, extraHocon);
        // No seeds: the port is only known once bound, so the first node joins itself and the others join it.
        var first = _nodes.Count == 0 ? node.Address : _nodes[0].Address;
        await Akka.Cluster.Cluster.Get(node.System).JoinAsync(first).OrTimeout(TestTimeouts.Dilated(TimeSpan.FromSeconds(30)));
        _nodes.Add(node);
        return node;
    }

    public void Forget(ClusterNode node) => _nodes.Remove(node);

    private SessionOptions SessionOptionsFor(long accountId) => new()
    {
        ClientId = "actorgateway-demo",
        ClientSecret = "demo-secret",
        AccessToken = Token,
        Gateway = new GatewayOptions { Hosts = [$"127.0.0.1:{Server.EndPoint.Port}"], Tls = { Enabled = false } },
    };

    public async ValueTask DisposeAsync()
    {
        // Client and later nodes first, the first (oldest) last, so shards are not handed around more than needed.
        for (var i = _nodes.Count - 1; i >= 0; i--)
        {
            await _nodes[i].DisposeAsync();
        }

        await Server.DisposeAsync();
    }
}
