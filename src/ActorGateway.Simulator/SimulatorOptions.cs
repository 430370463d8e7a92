using ActorGateway.Protocol.Framing;

namespace ActorGateway.Simulator;

/// <summary>
/// Everything the simulator can be told. Bindable from configuration: kebab-case keys (<c>idle-timeout</c>) map to these
/// properties once dashes are dropped. The server reads these while it runs: treat them as read-only once it has
/// started, and make run-time changes through <see cref="SimulatorServer.Faults"/>.
/// </summary>
public sealed class SimulatorOptions
{
    /// <summary>The address to listen on (default 127.0.0.1).</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The port to listen on (default 5035, the Protobuf port); 0 picks a free one.</summary>
    public int Port { get; set; } = 5035;

    /// <summary>Whether connections are wrapped in TLS (default true, as the real API requires).</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>A PKCS#12 certificate file for TLS; when null a self-signed certificate is generated at start.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>, if it has one.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The seed of every random choice (prices, random drops); the same seed replays the same market (default 1).</summary>
    public int Seed { get; set; } = 1;

    /// <summary>True to act as the live environment; only accounts of the server's environment can be authorized (default false:
    /// demo).</summary>
    public bool Live { get; set; }

    /// <summary>The version string VersionRes answers (default "sim-91").</summary>
    public string Version { get; set; } = "sim-91";

    /// <summary>A connection silent for this long is closed (default 30 s).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The server sends a heartbeat after this long without sending anything (default 10 s).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest inbound frame; larger ones get FRAME_TOO_LONG and a close (default 16 MiB).</summary>
    public int MaxFrameSize { get; set; } = FrameCodec.DefaultMaxFrameSize;

    /// <summary>
    /// Outbound frames that may wait for a client that stopped reading before it is dropped as a slow consumer
    /// (default 100,000).
    /// </summary>
    public int MaxQueuedFrames { get; set; } = 100_000;

    /// <summary>
    /// Connections open at once, TLS handshakes included; one more is reset as soon as it is accepted (default 1,000).
    /// </summary>
    public int MaxConnections { get; set; } = 1_000;

    /// <summary>
    /// TLS handshakes run at once; the next ones wait their turn in arrival order (default 64). It bounds what a storm of
    /// handshakes makes the server run at once, not its CPU: a slot is held across the round trips to the client too, so
    /// a cap near the number of cores would queue every new client, a well-behaved one included, behind the slowest
    /// handshakes (measured: with 4, the well-behaved client's handshake p50 went from 4-6 ms to 9-65 ms in a storm of 24
    /// at a time).
    /// </summary>
    public int MaxConcurrentHandshakes { get; set; } = 64;

    /// <summary>
    /// TLS handshakes that may wait for one of the <see cref="MaxConcurrentHandshakes"/> slots; a connection that finds
    /// them all taken is reset (default 256). A connection waits for no slot before its client sends its first byte.
    /// </summary>
    public int MaxQueuedHandshakes { get; set; } = 256;

    /// <summary>
    /// A TLS client must finish its handshake within this long of connecting, or is closed (default 10 s): a client
    /// that never starts one costs a socket for this long, and nothing more.
    /// </summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Bytes of incomplete inbound frames all connections together may hold beyond the first 16 KiB of each; a connection
    /// whose partial frame would take more is sent FRAME_TOO_LONG and closed (default 64 MiB). Without it, each connection
    /// could make the server hold a frame up to <see cref="MaxFrameSize"/> for as long as it keeps the frame unfinished.
    /// </summary>
    public long MaxBufferedFrameBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// A frame must arrive whole within this long of its first byte; a connection that stalls in the middle of a frame is
    /// sent TIMEOUT_ERROR and closed (default 10 s), rather than holding the partial frame until the idle timeout.
    /// </summary>
    public TimeSpan PartialFrameTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The application, tokens and accounts the server knows.</summary>
    public CredentialOptions Credentials { get; set; } = new();

    /// <summary>Per-connection request limits.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>The price generator.</summary>
    public MarketOptions Market { get; set; } = new();

    /// <summary>Faults active from the start; <see cref="SimulatorServer.Faults"/> changes them at run time.</summary>
    public FaultOptions Faults { get; set; } = new();
}
