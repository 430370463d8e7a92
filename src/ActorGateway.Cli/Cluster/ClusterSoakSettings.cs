using System.Text.Json.Nodes;

namespace ActorGateway.Cli.Cluster;

/// <summary>
/// What one cluster soak does and the bounds that keep every wait finite. All of it goes into the report under
/// <c>settings</c>, and the node timings reach the node processes through <see cref="NodeSettings"/>: a new setting (the
/// lease, say) is a property here, a line in <see cref="ToJson"/> and one in <see cref="NodeFor"/>.
/// </summary>
internal sealed record ClusterSoakSettings
{
    public int Nodes { get; init; } = 3;

    public int Accounts { get; init; } = 100;

    /// <summary>The load runs at least this long, and on until every fault has been recovered from.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Node processes killed with SIGKILL, one after the other, each after the cluster recovered from the one before;
    /// each is started again once removed, as a supervisor would.</summary>
    public int Kills { get; init; } = 1;

    /// <summary>Node processes frozen with SIGSTOP after the kills, one after the other; each gets SIGCONT once its accounts
    /// answer from the other nodes.</summary>
    public int Freezes { get; init; } = 1;

    /// <summary>Requests awaiting their reply at once.</summary>
    public int InFlight { get; init; } = 32;

    /// <summary>One request in this many is a market order; the others ask for the trader.</summary>
    public int OrderEvery { get; init; } = 4;

    /// <summary>An order refused without being written (fenced, or its account moving) is sent again, same label, this often.</summary>
    public int OrderAttempts { get; init; } = 3;

    /// <summary>How long an account's session waits for a reply; the cluster adds its 5 s margin on top.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public int Shards { get; init; } = 100;

    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan AcceptablePause { get; init; } = TimeSpan.FromMilliseconds(1500);

    public TimeSpan StableAfter { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Null: 1 s, or 100 ms with a lease (safe only with one: without it, the margin is all that keeps a downed but
    /// live node from running its accounts beside their new owners).</summary>
    public TimeSpan? DownRemovalMargin { get; init; }

    /// <summary>
    /// The lease's time-to-live under <c>--lease</c>. A crashed node's shards can move only once their leases lapsed, up to
    /// this long after the crash, so it bounds a kill's failover from below; 3 s leaves room for detection and downing
    /// within the 5 s goal while two renewals (every second) may still fail before a healthy holder is fenced.
    /// </summary>
    public static readonly TimeSpan LeaseTimeToLiveWhenOn = TimeSpan.FromSeconds(3);

    /// <summary>Each shard's lease in a PostgreSQL the soak starts, with this time-to-live (null: no lease).</summary>
    public TimeSpan? LeaseTimeToLive { get; init; }

    private TimeSpan Margin => DownRemovalMargin ?? (LeaseTimeToLive is null ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(100));

    /// <summary>How long the nodes may take to be up and form the cluster with the client node.</summary>
    public TimeSpan FormationBound { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>How long every account may take to answer its first request, and each fault's accounts to answer again.</summary>
    public TimeSpan RecoveryBound { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>How long requests still out when the load stops may take to end; those that do not are unanswered.</summary>
    public TimeSpan DrainBound { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The whole run ends by then, whatever happens; every process it started is killed.</summary>
    public TimeSpan Deadline =>
        FormationBound + RecoveryBound * (1 + Kills + Freezes) + Duration + DrainBound + TimeSpan.FromSeconds(120);

    /// <summary>Accounts 1..N, which the soak's simulator knows and its token grants.</summary>
    public IReadOnlyList<long> AccountIds => [.. Enumerable.Range(1, Accounts).Select(i => (long)i)];

    /// <summary>The settings of account node <paramref name="index"/> (from 0) of nodes on <paramref name="ports"/>.</summary>
    public NodeSettings NodeFor(int index, IReadOnlyList<int> ports, string gateway) => new()
    {
        Port = ports[index],
        Seeds = [.. ports.Select(p => NodeAddresses.Of("127.0.0.1", p))],
        Accounts = AccountIds,
        Gateway = gateway,
        Plain = true,
        Shards = Shards,
        // Every node must have joined before any account starts, so the accounts spread over all of them at once.
        MinimumAccountNodes = Nodes,
        Heartbeat = Heartbeat,
        AcceptablePause = AcceptablePause,
        StableAfter = StableAfter,
        DownRemovalMargin = Margin,
        LeaseTimeToLive = LeaseTimeToLive,
        // Their output goes to log files: membership changes, downing decisions and hand-overs explain a slow failover.
        AkkaLogLevel = "INFO",
    };

    /// <summary>The client node in the soak's own process: no accounts, the same seeds and timings.</summary>
    public NodeSettings ClientFor(int port, IReadOnlyList<int> nodePorts) => NodeFor(0, nodePorts, "unused") with
    {
        Port = port,
        HostsAccounts = false,
        Accounts = [],
        Gateway = null,
        Plain = false,
        LeaseTimeToLive = null,
        // Written to client.log beside the nodes' output: how the client saw reachability and shard homes move explains a
        // failover that the nodes' logs say was done long before the client's Asks got through.
        AkkaLogLevel = "INFO",
    };

    public JsonObject ToJson() => new()
    {
        ["nodes"] = Nodes,
        ["accounts"] = Accounts,
        ["seconds"] = Duration.TotalSeconds,
        ["kill"] = Kills,
        ["freeze"] = Freezes,
        ["in_flight"] = InFlight,
        ["order_every"] = OrderEvery,
        ["order_attempts"] = OrderAttempts,
        ["request_timeout_s"] = RequestTimeout.TotalSeconds,
        ["shards"] = Shards,
        ["minimum_account_nodes"] = Nodes,
        ["heartbeat_ms"] = Heartbeat.TotalMilliseconds,
        ["acceptable_pause_ms"] = AcceptablePause.TotalMilliseconds,
        ["stable_after_ms"] = StableAfter.TotalMilliseconds,
        ["down_removal_margin_ms"] = Margin.TotalMilliseconds,
        ["split_brain_resolver"] = "keep-majority",
        ["lease"] = LeaseTimeToLive is { } ttl ? $"postgresql, ttl {ttl.TotalMilliseconds:0} ms" : "none",
        ["killed_nodes_started_again"] = true,
        ["node_akka_log_level"] = "INFO",
        ["formation_bound_s"] = FormationBound.TotalSeconds,
        ["recovery_bound_s"] = RecoveryBound.TotalSeconds,
        ["drain_bound_s"] = DrainBound.TotalSeconds,
        ["deadline_s"] = Deadline.TotalSeconds,
    };
}
