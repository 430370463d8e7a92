using System.Security.Cryptography.X509Certificates;
using ActorGateway.Protocol.Messages;
using ActorGateway.Resilience;
using ActorGateway.Simulator;
using Akka.Actor;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// An in-process simulator on 127.0.0.1 with the server's rate limits off, and the gateway and raw clients the
/// scenarios point at it, authenticated as the simulator's demo application.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    public const string ClientId = "actorgateway-demo";
    public const string ClientSecret = "demo-secret";
    public const string AccessToken = "demo-access-token";
    public const long AccountId = 1001;

    private BenchServer(SimulatorServer simulator, BenchTransport transport)
    {
        Simulator = simulator;
        Transport = transport;
    }

    public SimulatorServer Simulator { get; }

    public BenchTransport Transport { get; }

    public int Port => Simulator.EndPoint.Port;

    public static async Task<BenchServer> StartAsync(BenchTransport transport, CancellationToken cancellationToken)
    {
        var options = new SimulatorOptions
        {
            Host = "127.0.0.1",
            Port = 0,
            UseTls = transport == BenchTransport.Tls,
            RateLimits = new RateLimitOptions { Enabled = false },
        };
        var simulator = new SimulatorServer(options);
        try
        {
            await simulator.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new BenchServer(simulator, transport);
    }

    /// <summary>Options for a gateway client of this server: throttle off, pinned certificate, a fast fixed retry.</summary>
    public GatewayOptions ClientOptions(int port = 0) => new()
    {
        Hosts = [$"127.0.0.1:{(port == 0 ? Port : port)}"],
        Tls = Transport == BenchTransport.Tls
            ? new TlsOptions { Enabled = true, TrustedCertificate = Simulator.Certificate }
            : new TlsOptions { Enabled = false },
        Throttle = new ThrottleOptions { Enabled = false },
        RetryPolicy = new FixedRetryPolicy(TimeSpan.FromMilliseconds(2)),
    };

    /// <summary>A connected gateway client that has authorized the application, in an actor system of its own.</summary>
    public Task<GatewayClient> ConnectGatewayAsync(GatewayOptions? options, CancellationToken cancellationToken) =>
        AuthorizeAsync(new GatewayClient(options ?? ClientOptions()), cancellationToken);

    /// <summary>The same in <paramref name="system"/>, where the bench's actor callers live too.</summary>
    public Task<GatewayClient> ConnectGatewayInAsync(ActorSystem system, CancellationToken cancellationToken) =>
        AuthorizeAsync(new GatewayClient(system, ClientOptions()), cancellationToken);

    private static async Task<GatewayClient> AuthorizeAsync(GatewayClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            await client.AuthorizeApplicationAsync(ClientId, ClientSecret, cancellationToken: cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The certificate a raw client pins over TLS; null over TCP.</summary>
    public X509Certificate2? RawCertificate => Transport == BenchTransport.Tls ? Simulator.Certificate : null;

    /// <summary>The request a raw client authorizes the application with.</summary>
    public static ProtoOAApplicationAuthReq ApplicationAuth() => new() { ClientId = ClientId, ClientSecret = ClientSecret };

    /// <summary>Throws unless a raw client's reply to <see cref="ApplicationAuth"/> (its payload type) accepted it.</summary>
    public static void ThrowUnlessAuthorized(uint reply)
    {
        if (reply != (uint)ProtoOAPayloadType.ProtoOaApplicationAuthRes)
        {
            throw new InvalidOperationException($"The simulator refused the raw client's application auth (payload type {reply}).");
        }
    }

    /// <summary>A connected raw client that has authorized the application.</summary>
    public async Task<RawClient> ConnectRawAsync(CancellationToken cancellationToken)
    {
        var client = await RawClient.ConnectAsync(Simulator.EndPoint, RawCertificate, cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowUnlessAuthorized(await client.AskAsync(ApplicationAuth(), cancellationToken).ConfigureAwait(false));
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => Simulator.DisposeAsync();

    /// <summary>Retries after the same short delay forever: the scenarios measure reconnection, not back-off.</summary>
    private sealed class FixedRetryPolicy(TimeSpan delay) : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext context) => delay;
    }
}
