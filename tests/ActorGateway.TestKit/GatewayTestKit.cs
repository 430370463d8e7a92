using ActorGateway.Protocol.Messages;
using Akka.Actor;
using Xunit;

namespace ActorGateway.TestKit;

/// <summary>
/// A base for tests of code that talks to the gateway actor: Akka.TestKit on virtual time, where the system's scheduler
/// follows <see cref="Time"/>, the gateway talks to an in-memory server the test plays, and disposing fails the test on
/// any unexpected warning or error logged.
/// </summary>
public abstract class GatewayTestKit : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _clients = [];

    protected GatewayTestKit()
        : base(VirtualTimeSystem.Config)
    {
        Time.Drive((Akka.TestKit.TestScheduler)Sys.Scheduler);
    }

    protected FakeTimeProvider Time { get; } = new();

    protected InMemoryTransportFactory Transport { get; } = new();

    protected LogCollector Logs { get; } = new();

    /// <summary>A gateway in the test's system; its actor is <see cref="GatewayClient.Gateway"/>.</summary>
    protected GatewayClient CreateGateway(Action<GatewayOptions>? configure = null)
    {
        var options = new GatewayOptions
        {
            Name = $"g{_clients.Count}",
            Hosts = ["test-host"],
            TimeProvider = Time,
            TransportFactory = Transport,
            LoggerFactory = Logs,
            RetryPolicy = new RecordingRetryPolicy(_ => TimeSpan.FromSeconds(1)),
        };
        configure?.Invoke(options);
        return Track(new GatewayClient(Sys, options));
    }

    /// <summary>Disposes <paramref name="client"/> (a gateway or a session) with the test.</summary>
    protected T Track<T>(T client)
        where T : IAsyncDisposable
    {
        _clients.Add(client);
        return client;
    }

    /// <summary>Completes once <paramref name="client"/>'s connection actor has handled everything told to it before.</summary>
    protected Task SettleAsync(GatewayClient client) =>
        Sys.ActorSelection(client.Gateway.Path / "connection").Ask<ActorIdentity>(new Identify(null)).OrTimeout();

    /// <summary>Sends a version request through <paramref name="gateway"/> and answers it on <paramref name="server"/>.</summary>
    protected static async Task RoundTripAsync(IActorRef gateway, InMemoryServer server)
    {
        var asking = gateway.Ask<ProtoOAVersionRes>(new ProtoOAVersionReq());
        var (_, id) = await server.ExpectAsync<ProtoOAVersionReq>();
        await server.SendAsync(new ProtoOAVersionRes { Version = "1" }, id);
        await asking.OrTimeout();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        Logs.AssertNoUnexpectedEntries();
    }
}
