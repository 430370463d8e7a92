namespace ActorGateway;

/// <summary>How the client reconnects when a connection attempt fails or a connection is lost.</summary>
public sealed class ReconnectOptions
{
    /// <summary>Reconnect automatically (default: true). When false, the next request starts a new connection.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The ceiling of the first delay; each further attempt doubles it (default: 1 s).</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest ceiling of a delay (default: 30 s). Each delay is random between zero and its ceiling.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Give up after this many consecutive failed attempts (default: null, never give up).</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>A connection that stayed up this long resets the attempt count and the delay (default: 30 s).</summary>
    public TimeSpan HealthyAfter { get; set; } = TimeSpan.FromSeconds(30);
}
