using ActorGateway.Protocol.Framing;
using ActorGateway.Resilience;
using ActorGateway.Transport;
using Microsoft.Extensions.Logging;

namespace ActorGateway;

/// <summary>
/// Settings of a <see cref="GatewayClient"/>. They are validated and copied when the client is created, so later changes
/// to this object have no effect on it.
/// </summary>
public sealed class GatewayOptions
{
    /// <summary>
    /// The hosts to connect to, tried in turn, each as <c>host</c> or <c>host:port</c> (default: empty, which means
    /// <see cref="OpenApiEndpoints.DemoHost"/>). Empty rather than pre-filled, because configuration binding appends to a
    /// list it finds filled.
    /// </summary>
    public IList<string> Hosts { get; set; } = [];

    /// <summary>The port for hosts given without one (default: 5035).</summary>
    public int Port { get; set; } = OpenApiEndpoints.ProtobufPort;

    /// <summary>The client's name, the <c>gateway</c> tag of its metrics (default: "default").</summary>
    public string Name { get; set; } = "default";

    /// <summary>How long a request waits for its reply unless the call gives its own timeout (default: 10 s).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one connection attempt, TLS handshake included, may take (default: 10 s).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A heartbeat is sent when nothing else was sent for this long (default: 10 s).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The connection is considered dead when nothing arrived from the server for this long (default: 30 s).</summary>
    public TimeSpan ServerSilenceTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest inbound frame accepted; a larger one breaks the connection (default: 16 MiB).</summary>
    public int MaxFrameSize { get; set; } = FrameCodec.DefaultMaxFrameSize;

    /// <summary>What happens to queued, never-written requests when the connection goes down (default: wait).</summary>
    public QueuedRequestPolicy QueuedRequests { get; set; } = QueuedRequestPolicy.WaitForReconnect;

    /// <summary>How many events may wait for the event handlers before new ones are dropped (default: 65536).</summary>
    public int EventQueueCapacity { get; set; } = 65536;

    /// <summary>TLS settings.</summary>
    public TlsOptions Tls { get; set; } = new();

    /// <summary>Reconnection settings.</summary>
    public ReconnectOptions Reconnect { get; set; } = new();

    /// <summary>Request throttling settings.</summary>
    public ThrottleOptions Throttle { get; set; } = new();

    /// <summary>The clock for every timeout, heartbeat and delay (default: <see cref="TimeProvider.System"/>).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the client logs (default: none).</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Decides the delays between connection attempts (default: exponential backoff built from <see cref="Reconnect"/>).</summary>
    public IRetryPolicy? RetryPolicy { get; set; }

    /// <summary>Opens connections (default: TCP, with TLS as <see cref="Tls"/> says).</summary>
    public ITransportFactory? TransportFactory { get; set; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        foreach (var host in Hosts ?? [])
        {
            _ = GatewayEndpoint.Parse(host, Port);
        }

        Require(!string.IsNullOrWhiteSpace(Name), nameof(Name), "must not be empty");
        RequirePositive(RequestTimeout, nameof(RequestTimeout));
        RequirePositive(ConnectTimeout, nameof(ConnectTimeout));
        RequirePositive(HeartbeatInterval, nameof(HeartbeatInterval));
        RequirePositive(ServerSilenceTimeout, nameof(ServerSilenceTimeout));
        RequirePositive(Reconnect.InitialDelay, "Reconnect.InitialDelay");
        RequirePositive(Reconnect.MaxDelay, "Reconnect.MaxDelay");
        RequirePositive(Reconnect.HealthyAfter, "Reconnect.HealthyAfter");
        Require(Reconnect.MaxDelay >= Reconnect.InitialDelay, "Reconnect.MaxDelay", "must not be below Reconnect.InitialDelay");
        Require(Reconnect.MaxAttempts is null or >= 0, "Reconnect.MaxAttempts", "must not be negative");
        Require(MaxFrameSize > 0, nameof(MaxFrameSize), "must be positive");
        Require(EventQueueCapacity > 0, nameof(EventQueueCapacity), "must be positive");
        Require(Throttle.StandardPerSecond > 0, "Throttle.StandardPerSecond", "must be positive");
        Require(Throttle.HistoricalPerSecond > 0, "Throttle.HistoricalPerSecond", "must be positive");
        Require(TimeProvider is not null, nameof(TimeProvider), "is required");
        Require(!(Tls.AllowUntrustedCertificate && (Tls.TrustedCertificatePath is not null || Tls.TrustedCertificate is not null)),
            "Tls.AllowUntrustedCertificate", "cannot be combined with a trusted certificate");
    }

    private static void RequirePositive(TimeSpan value, string name) =>
        Require(value > TimeSpan.Zero || value == Timeout.InfiniteTimeSpan, name, "must be positive");

    private static void Require(bool condition, string name, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"GatewayOptions.{name} {problem}.", name);
        }
    }
}
