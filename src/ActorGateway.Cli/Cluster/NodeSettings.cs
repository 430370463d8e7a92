using ActorGateway.Cluster.Hosting;
using ActorGateway.Cluster.Lease;
using ActorGateway.Session;

namespace ActorGateway.Cli.Cluster;

/// <summary>
/// What <c>cluster node</c> runs: the node's address and seeds, whether it hosts accounts and which it starts, where their
/// sessions connect, and the failure-detection timings. The soak builds these for its node processes too, so a setting
/// added here reaches both through <see cref="ToArguments"/>.
/// </summary>
internal sealed record NodeSettings
{
    public string Hostname { get; init; } = "127.0.0.1";

    public int Port { get; init; }

    public IReadOnlyList<string> Seeds { get; init; } = [];

    /// <summary>False for a client node: no accounts, a proxy to the account region.</summary>
    public bool HostsAccounts { get; init; } = true;

    public IReadOnlyList<long> Accounts { get; init; } = [];

    /// <summary>HOST:PORT of the Open API endpoint the account sessions connect to (required on an account node).</summary>
    public string? Gateway { get; init; }

    /// <summary>Plain TCP to the endpoint (a local simulator started without TLS).</summary>
    public bool Plain { get; init; }

    /// <summary>Accept any server certificate (local simulators only).</summary>
    public bool Insecure { get; init; }

    public int Shards { get; init; } = 100;

    public int MinimumAccountNodes { get; init; } = 1;

    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan AcceptablePause { get; init; } = TimeSpan.FromSeconds(3);

    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Null: the same as <see cref="StableAfter"/>.</summary>
    public TimeSpan? DownRemovalMargin { get; init; }

    /// <summary>
    /// Each shard's lease in PostgreSQL with this time-to-live (null: no lease). The connection string comes from
    /// <see cref="LeaseConnectionVariable"/>, never from the command line, where any user of the machine could read it.
    /// </summary>
    public TimeSpan? LeaseTimeToLive { get; init; }

    /// <summary>The environment variable with the lease store's connection string.</summary>
    public const string LeaseConnectionVariable = "ACTORGATEWAY_LEASE_CONNECTION";

    /// <summary>Akka's own log level (its lines go to standard output).</summary>
    public string AkkaLogLevel { get; init; } = "WARNING";

    /// <summary>This node's own address, as seeds name it.</summary>
    public string Address => NodeAddresses.Of(Hostname, Port);

    /// <summary>The cluster options of this node; <paramref name="sessionOptions"/> makes an account's session options.</summary>
    /// <param name="sessionOptions">An account's session options; null on a client node.</param>
    /// <param name="leaseConnection">The lease store's connection string, when <see cref="LeaseTimeToLive"/> is set.</param>
    public AccountClusterOptions ToOptions(Func<long, SessionOptions>? sessionOptions, string? leaseConnection = null) => new()
    {
        Host = Hostname,
        Port = Port,
        Seeds = Seeds,
        HostsAccounts = HostsAccounts,
        Accounts = Accounts,
        SessionOptions = HostsAccounts ? sessionOptions : null,
        Shards = Shards,
        MinimumAccountNodes = MinimumAccountNodes,
        HeartbeatInterval = Heartbeat,
        AcceptableHeartbeatPause = AcceptablePause,
        StableAfter = StableAfter,
        DownRemovalMargin = DownRemovalMargin,
        Lease = HostsAccounts && LeaseTimeToLive is { } ttl && leaseConnection is not null
            ? new AccountLeaseOptions { ConnectionString = leaseConnection, TimeToLive = ttl }
            : null,
    };

    /// <summary>The <c>cluster node</c> command line that runs these settings (credentials travel in the environment).</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var args = new List<string>
        {
            "cluster", "node",
            "--hostname", Hostname,
            "--port", Number(Port),
            "--seeds", string.Join(',', Seeds),
            "--shards", Number(Shards),
            "--min-account-nodes", Number(MinimumAccountNodes),
            "--heartbeat-ms", Number((long)Heartbeat.TotalMilliseconds),
            "--acceptable-pause-ms", Number((long)AcceptablePause.TotalMilliseconds),
            "--stable-after-ms", Number((long)StableAfter.TotalMilliseconds),
            "--akka-log-level", AkkaLogLevel,
        };
        if (DownRemovalMargin is { } margin)
        {
            args.AddRange(["--down-removal-margin-ms", Number((long)margin.TotalMilliseconds)]);
        }

        if (LeaseTimeToLive is { } lease)
        {
            args.AddRange(["--lease-ttl-ms", Number((long)lease.TotalMilliseconds)]);
        }

        if (!HostsAccounts)
        {
            args.Add("--client");
        }

        if (Accounts.Count > 0)
        {
            args.AddRange(["--accounts", AccountList.Format(Accounts)]);
        }

        if (Gateway is not null)
        {
            args.AddRange(["--gateway", Gateway]);
        }

        if (Plain)
        {
            args.Add("--plain");
        }

        if (Insecure)
        {
            args.Add("--insecure");
        }

        return args;
    }

    private static string Number(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
