using ActorGateway.Protocol.Messages;
using ActorGateway.Session;
using ActorGateway.Simulator;
using ActorGateway.TestKit;

namespace ActorGateway.IntegrationTests.Support;

/// <summary>
/// The in-process simulator on 127.0.0.1:0 (its market driven by a fake clock) and sessions connected to it over TCP or
/// TLS (the simulator's certificate trusted explicitly). Disposing it fails the test on unexpected warnings.
/// </summary>
internal sealed class SessionHost : IAsyncDisposable
{
    public const long Demo1 = 1001;
    public const long Demo2 = 1002;
    public const long LiveAccount = 2001;
    public const string ClientId = "actorgateway-demo";
    public const string Secret = "demo-secret";
    public const string AccessToken = "demo-access-token";
    public const string RefreshToken = "demo-refresh-token";

    private readonly List<GatewaySession> _sessions = [];

    private SessionHost(SimulatorServer server, FakeTimeProvider marketTime)
    {
        Server = server;
        MarketTime = marketTime;
    }

    public SimulatorServer Server { get; }

    /// <summary>The simulator's clock: advancing it moves the market.</summary>
    public FakeTimeProvider MarketTime { get; }

    public LogCollector Logs { get; } = new();

    public static TimeSpan Tick => TimeSpan.FromMilliseconds(500);

    public static async Task<SessionHost> StartAsync(bool tls = false)
    {
        var time = new FakeTimeProvider();
        var server = new SimulatorServer(new SimulatorOptions { Port = 0, UseTls = tls }, time);
        await server.StartAsync().OrTimeout();
        return new SessionHost(server, time);
    }

    public GatewaySession CreateSession(Action<SessionOptions>? configure = null)
    {
        var options = new SessionOptions
        {
            ClientId = ClientId,
            ClientSecret = Secret,
            AccessToken = AccessToken,
            Gateway = SimulatorClientOptions.For(Server, Logs),
        };
        configure?.Invoke(options);
        var session = new GatewaySession(options);
        _sessions.Add(session);
        return session;
    }

    /// <summary>A session that knows the refresh token and hands every renewed pair to <paramref name="persisted"/>.</summary>
    public GatewaySession CreateRefreshingSession(TestProbe<OAuthTokens> persisted) => CreateSession(o =>
    {
        o.RefreshToken = RefreshToken;
        o.TokensRefreshed = (tokens, _) =>
        {
            persisted.Tell(tokens);
            return Task.CompletedTask;
        };
    });

    /// <summary>
    /// Moves the market one tick at a time; after each, a reconcile through the session marks the point by which the
    /// tick's events have been sent (the simulator answers in order). Several ticks, because a seeded walk can leave a
    /// symbol unchanged for a tick or two.
    /// </summary>
    public async Task AdvanceMarketAsync(GatewaySession session, long account, int ticks = 5)
    {
        for (var i = 0; i < ticks; i++)
        {
            MarketTime.Advance(Tick);
            await session.AskAsync<ProtoOAReconcileRes>(new ProtoOAReconcileReq { CtidTraderAccountId = account }).OrTimeout();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions)
        {
            await session.DisposeAsync();
        }

        await Server.DisposeAsync();
        Logs.AssertNoUnexpectedEntries();
    }
}
