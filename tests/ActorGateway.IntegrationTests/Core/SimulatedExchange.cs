using ActorGateway.IntegrationTests.Support;
using ActorGateway.Simulator;
using ActorGateway.TestKit;

namespace ActorGateway.IntegrationTests.Core;

/// <summary>
/// An in-process simulator on 127.0.0.1 on the real clock (reply delays are real), and bare gateway clients pointed at
/// it; all disposed with the test. Session tests use <see cref="SessionHost"/>, whose market runs on a fake clock.
/// </summary>
internal sealed class SimulatedExchange : IAsyncDisposable
{
    public const string ClientId = SessionHost.ClientId;
    public const string ClientSecret = SessionHost.Secret;
    public const string AccessToken = SessionHost.AccessToken;
    public const long DemoAccount = SessionHost.Demo1;
    public const long EurUsd = 1;

    private readonly List<GatewayClient> _clients = [];

    private SimulatedExchange(SimulatorServer server) => Server = server;

    public SimulatorServer Server { get; }

    public LogCollector Logs { get; } = new();

    public static async Task<SimulatedExchange> StartAsync(bool tls, Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { Port = 0, UseTls = tls };
        configure?.Invoke(options);
        var server = new SimulatorServer(options);
        await server.StartAsync().OrTimeout();
        return new SimulatedExchange(server);
    }

    /// <summary>A client for this server: the simulator's certificate pinned, retries quick.</summary>
    public GatewayClient CreateClient(Action<GatewayOptions>? configure = null)
    {
        var options = SimulatorClientOptions.For(Server, Logs);
        configure?.Invoke(options);
        var client = new GatewayClient(options);
        _clients.Add(client);
        return client;
    }

    /// <summary>A client that has authorized the application (and, when asked, the demo account).</summary>
    public async Task<GatewayClient> CreateAuthorizedClientAsync(bool withAccount = false, Action<GatewayOptions>? configure = null)
    {
        var client = CreateClient(configure);
        await client.AuthorizeApplicationAsync(ClientId, ClientSecret).OrTimeout();
        if (withAccount)
        {
            await client.AuthorizeAccountAsync(DemoAccount, AccessToken).OrTimeout();
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await Server.DisposeAsync();
        Logs.Dispose();
    }
}
