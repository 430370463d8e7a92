using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Simulator.Tests.Support;

/// <summary>An in-process simulator on 127.0.0.1:0 driven by a fake clock, and ways to get clients at each auth stage.</summary>
internal sealed class SimulatorHost : IAsyncDisposable
{
    public const long Demo1 = 1001;
    public const long Demo2 = 1002;
    public const long LiveAccount = 2001;
    public const string Token = "demo-access-token";
    public const string RefreshToken = "demo-refresh-token";

    private readonly List<RawClient> _clients = [];

    private readonly RecordingLoggerProvider _logs;
    private readonly ILoggerFactory _loggerFactory;

    private SimulatorHost(SimulatorServer server, FakeTimeProvider time, RecordingLoggerProvider logs, ILoggerFactory loggerFactory)
    {
        Server = server;
        Time = time;
        _logs = logs;
        _loggerFactory = loggerFactory;
    }

    public SimulatorServer Server { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>What the server logged at Information or above.</summary>
    public IReadOnlyCollection<string> Logs => _logs.Entries;

    /// <summary>The market tick interval the host uses.</summary>
    public static TimeSpan Tick => TimeSpan.FromMilliseconds(500);

    public static async Task<SimulatorHost> StartAsync(Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { Port = 0, UseTls = false };
        configure?.Invoke(options);
        var time = new FakeTimeProvider();
        var logs = new RecordingLoggerProvider();
        var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs));
        var server = new SimulatorServer(options, time, loggerFactory);
        await server.StartAsync().OrTimeout();
        return new SimulatorHost(server, time, logs, loggerFactory);
    }

    public static ProtoOAApplicationAuthReq AppAuth(string secret = "demo-secret") => new() { ClientId = "actorgateway-demo",
        ClientSecret = secret };

    public static ProtoOAAccountAuthReq AccountAuth(long accountId, string token = Token) => new() { CtidTraderAccountId = accountId,
        AccessToken = token };

    public async Task<RawClient> ConnectAsync()
    {
        var client = await RawClient.ConnectAsync(Server);
        _clients.Add(client);
        return client;
    }

    public async Task<RawClient> AppAuthenticatedAsync()
    {
        var client = await ConnectAsync();
        await client.SendAsync(AppAuth(), "app");
        await client.ExpectAsync<ProtoOAApplicationAuthRes>("app");
        return client;
    }

    public async Task<RawClient> AuthorizedAsync(params long[] accounts)
    {
        var client = await AppAuthenticatedAsync();
        foreach (var account in accounts.DefaultIfEmpty(Demo1))
        {
            await client.SendAsync(AccountAuth(account), $"acct-{account}");
            await client.ExpectAsync<ProtoOAAccountAuthRes>($"acct-{account}");
        }

        return client;
    }

    /// <summary>
    /// Moves the market <paramref name="ticks"/> ticks, then returns everything the exchange sent this client because of
    /// them: a reconcile request queued behind the ticks marks the end.
    /// </summary>
    public async Task<List<Google.Protobuf.IMessage>> AdvanceTicksAsync(RawClient client, int ticks = 1, long account = Demo1)
    {
        var seen = new List<Google.Protobuf.IMessage>();
        for (var i = 0; i < ticks; i++)
        {
            Time.Advance(Tick);
            await client.SendAsync(new ProtoOAReconcileReq { CtidTraderAccountId = account }, "sync");
            var (_, before) = await client.CollectUntilAsync<ProtoOAReconcileRes>();
            seen.AddRange(before);
        }

        return seen;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await Server.DisposeAsync();
        _loggerFactory.Dispose();
        Assert.Empty(_logs.Problems);
    }
}
