using ActorGateway.Resilience;
using ActorGateway.Session;
using ActorGateway.Simulator;

namespace ActorGateway.Cli.Soak;

/// <summary>
/// The simulator in-process on 127.0.0.1 (plain TCP, rate limits off, accounts with room for every order of a run) and
/// the soak's cutting relay in front of it; opens the session under test through the relay and an auditor's session
/// straight to the simulator, which no cut touches.
/// </summary>
internal sealed class SoakExchange : IAsyncDisposable
{
    private const string Prefix = "soak";
    public static readonly string ClientId = SoakSimulator.ClientId(Prefix);
    public static readonly string AccessToken = SoakSimulator.AccessToken(Prefix);

    /// <summary>Two accounts, so the session authorizes, restores and reconciles more than one.</summary>
    public static readonly IReadOnlyList<long> Accounts = [3001, 3002];

    private static readonly string ClientSecret = SoakSimulator.ClientSecret(Prefix);

    private SoakExchange(SimulatorServer simulator, CuttingRelay relay)
    {
        Simulator = simulator;
        Relay = relay;
    }

    public SimulatorServer Simulator { get; }

    public CuttingRelay Relay { get; }

    /// <summary>What was changed from a real server's conditions for speed, for the report.</summary>
    public static IReadOnlyList<string> Lifted { get; } =
    [
        "gateway throttle off",
        "simulator rate limits off",
        "plain TCP (no TLS)",
        "accounts funded with 1,000,000,000 USD at 1:500, so no order fails for margin",
        "reconnect after a fixed 5 ms instead of an exponential back-off",
    ];

    public static async Task<SoakExchange> StartAsync(CancellationToken cancellationToken)
    {
        var simulator = await SoakSimulator.StartAsync(Prefix, Accounts, 9_000_000, cancellationToken).ConfigureAwait(false);
        return new SoakExchange(simulator, CuttingRelay.Start(simulator.EndPoint));
    }

    /// <summary>The session under test: every byte of it goes through the relay.</summary>
    public GatewaySession OpenSession(TimeSpan requestTimeout) => Open(Relay.EndPoint.Port, "soak", requestTimeout);

    /// <summary>A session straight to the simulator, to read the server's state without the relay in the way.</summary>
    public GatewaySession OpenAuditor(TimeSpan requestTimeout) => Open(Simulator.EndPoint.Port, "soak-audit", requestTimeout);

    public async ValueTask DisposeAsync()
    {
        await Relay.DisposeAsync().ConfigureAwait(false);
        await Simulator.DisposeAsync().ConfigureAwait(false);
    }

    private static GatewaySession Open(int port, string name, TimeSpan requestTimeout) => new(new SessionOptions
    {
        Gateway = new GatewayOptions
        {
            Name = name,
            Hosts = [$"127.0.0.1:{port}"],
            Tls = new TlsOptions { Enabled = false },
            Throttle = new ThrottleOptions { Enabled = false },
            RequestTimeout = requestTimeout,
            RetryPolicy = new FixedDelay(TimeSpan.FromMilliseconds(5)),
        },
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        AccessToken = AccessToken,
        Environment = GatewayEnvironment.Demo,
    });

    /// <summary>The same short delay before every attempt: the soak measures recovery, not back-off.</summary>
    private sealed class FixedDelay(TimeSpan delay) : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext context) => delay;
    }
}
