using ActorGateway.Protocol.Messages;
using ActorGateway.Resilience;
using ActorGateway.TestKit;
using Akka.Actor;

namespace ActorGateway.Tests.Support;

/// <summary>
/// A client wired to an in-memory transport, a fake clock and a log collector. Disposing it disposes the client and
/// fails the test on any unexpected warning or error that was logged.
/// </summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    private GatewayClient? _client;
    private Akka.Actor.ActorSystem? _system;

    public ClientHarness(Action<GatewayOptions>? configure = null, Func<RetryContext, TimeSpan?>? retry = null)
    {
        RetryPolicy = new RecordingRetryPolicy(retry);
        Options = new GatewayOptions
        {
            Hosts = ["test-host"],
            TimeProvider = Time,
            TransportFactory = Transport,
            LoggerFactory = Logs,
            RetryPolicy = RetryPolicy,
        };
        configure?.Invoke(Options);
    }

    public FakeTimeProvider Time { get; } = new();

    public InMemoryTransportFactory Transport { get; } = new();

    public LogCollector Logs { get; } = new();

    public RecordingRetryPolicy RetryPolicy { get; }

    public GatewayOptions Options { get; }

    public TestProbe<EventArgs> Events { get; } = new();

    public GatewayClient Client => _client ??= CreateClient();

    /// <summary>The actor system the client lives in, on the harness's virtual time.</summary>
    public Akka.Actor.ActorSystem System => _system ??= VirtualTimeSystem.Create(Time);

    /// <summary>A probe that receives every message the client raises through <see cref="GatewayClient.MessageReceived"/>.</summary>
    public TestProbe<GatewayMessageEventArgs> ListenToMessages()
    {
        var received = new TestProbe<GatewayMessageEventArgs>();
        Client.MessageReceived += (_, e) => received.Tell(e);
        return received;
    }

    /// <summary>Connects the client and returns the server's end of the connection.</summary>
    public async Task<InMemoryServer> ConnectAsync()
    {
        var connecting = Client.ConnectAsync();
        var server = await Transport.AcceptAsync();
        await connecting.OrTimeout();
        while (await Events.ExpectAsync() is not GatewayConnectedEventArgs)
        {
            // failed attempts before the connection are not what the caller is after
        }

        return server;
    }

    /// <summary>
    /// Completes once the connection actor has handled everything told to it before the call, and so armed every timer
    /// that work asked for: the signal to wait for before advancing the virtual clock past one.
    /// </summary>
    public Task SettleAsync() =>
        System.ActorSelection(Client.Gateway.Path / "connection").Ask<Akka.Actor.ActorIdentity>(new Akka.Actor.Identify(null)).OrTimeout();

    /// <summary>Asks for the version and answers it, which proves every message posted before was handled.</summary>
    public async Task RoundTripAsync(InMemoryServer server)
    {
        var asking = Client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq());
        var (_, id) = await server.ExpectAsync<ProtoOAVersionReq>();
        await server.SendAsync(new ProtoOAVersionRes { Version = "1" }, id);
        await asking.OrTimeout();
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        if (_system is not null)
        {
            await _system.Terminate();
        }

        Logs.AssertNoUnexpectedEntries();
    }

    private GatewayClient CreateClient()
    {
        var client = new GatewayClient(System, Options);
        client.Connected += (_, e) => Events.Tell(e);
        client.Disconnected += (_, e) => Events.Tell(e);
        client.ConnectFailed += (_, e) => Events.Tell(e);
        return client;
    }
}
