using ActorGateway.Cluster.Lease;
using ActorGateway.Session;

namespace ActorGateway.Cluster.Hosting;

/// <summary>
/// How a node joins the account cluster: its address, the seeds, whether it hosts accounts, and the failure detection and
/// downing settings. The timing defaults trade failover speed against false downing on a loaded machine; the README's
/// "Running a cluster" section states the trade-off and measured figures.
/// </summary>
public sealed class AccountClusterOptions
{
    /// <summary>The address to bind and advertise (default 127.0.0.1).</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The port (default 0: any free one, fine for nodes that are not seeds).</summary>
    public int Port { get; set; }

    /// <summary>The seed nodes' addresses, e.g. <c>akka.tcp://actorgateway@127.0.0.1:4053</c>; a node that lists itself first
    /// forms the cluster.</summary>
    public IReadOnlyList<string> Seeds { get; set; } = [];

    /// <summary>True (default) to host account entities; false for a client node, which reaches them through a proxy.</summary>
    public bool HostsAccounts { get; set; } = true;

    /// <summary>How many shards accounts are spread over (default 100). The same on every node, never changed while the
    /// cluster runs; about ten times the most nodes expected.</summary>
    public int Shards { get; set; } = 100;

    /// <summary>
    /// How many account nodes must have joined the sharding before the configured <see cref="Accounts"/> start (default 1).
    /// With more, the first node to boot does not take every account only for the next ones to take them back in later
    /// rebalances. It gates the boot only: after a failover the remaining nodes take the accounts over, however few.
    /// </summary>
    public int MinimumAccountNodes { get; set; } = 1;

    /// <summary>Accounts started at boot, without waiting for a request (default none). Once started, an account is
    /// remembered: it comes back by itself after a rebalance or failover.</summary>
    public IReadOnlyList<long> Accounts { get; set; } = [];

    /// <summary>The session options of an account (required when <see cref="HostsAccounts"/>): a new instance per call.</summary>
    public Func<long, SessionOptions>? SessionOptions { get; set; }

    /// <summary>How often nodes heartbeat each other (default 1 s).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Heartbeats missing this long make a node unreachable (default 3 s). Shorter detects a dead node sooner, and
    /// takes a garbage-collection pause or a starved CPU for a death more often.</summary>
    public TimeSpan AcceptableHeartbeatPause { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The keep-majority split-brain resolver decides once membership has been stable this long (default 3 s).</summary>
    public TimeSpan StableAfter { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long after downing a node its shards wait before starting elsewhere (default: null, the same as
    /// <see cref="StableAfter"/>). It gives a downed node that is in fact alive time to stop its entities first; without a
    /// lease, shortening it risks two live copies of an account. With <see cref="Lease"/> it can be small (e.g. 100 ms,
    /// about a second off a freeze's failover): a shard then cannot start elsewhere before the old owner's lease expired, and
    /// the old entities refuse orders once it lapsed on their own clock.
    /// </summary>
    public TimeSpan? DownRemovalMargin { get; set; }

    /// <summary>
    /// A lease per account shard in PostgreSQL (default null: none). With it, a shard runs only on the node holding its
    /// lease, and an entity refuses an order (<see cref="GatewayFencedException"/>, nothing sent) once its node's lease
    /// lapsed — so a frozen or cut-off node that wakes up cannot send an order for an account another node now owns. A crashed
    /// node's accounts then come back only after its leases expired: up to <see cref="AccountLeaseOptions.TimeToLive"/>.
    /// </summary>
    public AccountLeaseOptions? Lease { get; set; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range; the message names it.</exception>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(Host), nameof(Host), "must not be empty");
        Require(Port is >= 0 and <= 65535, nameof(Port), "must be 0-65535");
        Require(Shards > 0, nameof(Shards), "must be positive");
        Require(MinimumAccountNodes > 0, nameof(MinimumAccountNodes), "must be positive");
        Require(!HostsAccounts || SessionOptions is not null, nameof(SessionOptions), "is required on a node that hosts accounts");
        Require(HostsAccounts || Accounts.Count == 0, nameof(Accounts), "can only be started by a node that hosts accounts");
        Require(HeartbeatInterval > TimeSpan.Zero, nameof(HeartbeatInterval), "must be positive");
        Require(AcceptableHeartbeatPause > HeartbeatInterval, nameof(AcceptableHeartbeatPause), "must exceed the heartbeat interval");
        Require(StableAfter > TimeSpan.Zero, nameof(StableAfter), "must be positive");
        Lease?.Validate();
        Require(DownRemovalMargin is null || DownRemovalMargin >= TimeSpan.Zero, nameof(DownRemovalMargin), "must not be negative");
    }

    private static void Require(bool ok, string name, string what)
    {
        if (!ok)
        {
            throw new ArgumentException($"AccountClusterOptions.{name} {what}.", name);
        }
    }
}
