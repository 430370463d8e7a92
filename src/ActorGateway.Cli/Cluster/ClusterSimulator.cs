using ActorGateway.Cli.Soak;
using ActorGateway.Session;
using ActorGateway.Simulator;

namespace ActorGateway.Cli.Cluster;

/// <summary>
/// The cluster soak's simulator, in-process on 127.0.0.1 with plain TCP and rate limits off: it knows the accounts
/// 1..N, funded so no order fails for margin, and one token granting them all. The node processes get its
/// credentials through their environment; an auditor's session straight to it reads what it executed.
/// </summary>
internal sealed class ClusterSimulator : IAsyncDisposable
{
    private const string Prefix = "cluster-soak";
    private static readonly string ClientId = SoakSimulator.ClientId(Prefix);
    private static readonly string ClientSecret = SoakSimulator.ClientSecret(Prefix);
    private static readonly string AccessToken = SoakSimulator.AccessToken(Prefix);

    private ClusterSimulator(SimulatorServer server) => Server = server;

    public SimulatorServer Server { get; }

    /// <summary>HOST:PORT for <c>--gateway</c>.</summary>
    public string Gateway => $"127.0.0.1:{Server.EndPoint.Port}";

    /// <summary>The variables <c>cluster node</c> reads its credentials from (through hocon/reference.conf).</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ACTORGATEWAY_CLIENT_ID"] = ClientId,
        ["ACTORGATEWAY_CLIENT_SECRET"] = ClientSecret,
        ["ACTORGATEWAY_ACCESS_TOKEN"] = AccessToken,
    };

    public static async Task<ClusterSimulator> StartAsync(IReadOnlyList<long> accounts, CancellationToken cancellationToken)
    {
        var server = await SoakSimulator.StartAsync(Prefix, accounts, 8_000_000, cancellationToken).ConfigureAwait(false);

        return new ClusterSimulator(server);
    }

    /// <summary>A session straight to the simulator, outside the cluster, to read the server's state.</summary>
    public GatewaySession OpenAuditor(TimeSpan requestTimeout) => new(new SessionOptions
    {
        Gateway = new GatewayOptions
        {
            Name = "cluster-soak-audit",
            Hosts = [Gateway],
            Tls = new TlsOptions { Enabled = false },
            Throttle = new ThrottleOptions { Enabled = false },
            RequestTimeout = requestTimeout,
        },
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        AccessToken = AccessToken,
    });

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
