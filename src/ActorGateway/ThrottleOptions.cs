namespace ActorGateway;

/// <summary>
/// Keeps outgoing requests under the server's per-connection limits: in any sliding one-second window no more than the
/// limit is sent, and a backlog is sent at the limit. Heartbeats are never delayed.
/// </summary>
public sealed class ThrottleOptions
{
    /// <summary>Throttle requests (default: true). Turn off only against a server without limits (e.g. a benchmark).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Ordinary requests per second (default: 50).</summary>
    public int StandardPerSecond { get; set; } = 50;

    /// <summary>Historical-data requests (trendbars, ticks, deal and cash-flow history) per second (default: 5).</summary>
    public int HistoricalPerSecond { get; set; } = 5;
}
