using ActorGateway.Protocol.Messages;
using ActorGateway.Resilience;
using ActorGateway.TestKit;

namespace ActorGateway.Tests.Support;

/// <summary>
/// A client wired to an in-memory transport, a fake clock and a log collector. Disposing it disposes the client and
/// fails the test on any unexpected warning or error that was logged.
/// </summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    private GatewayClient? _client;

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

        Logs.AssertNoUnexpectedEntries();
    }

    private GatewayClient CreateClient()
    {
        var client = new GatewayClient(Options);
        client.Connected += (_, e) => Events.Tell(e);
        client.Disconnected += (_, e) => Events.Tell(e);
        client.ConnectFailed += (_, e) => Events.Tell(e);
        return client;
    }
}
