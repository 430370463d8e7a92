namespace ActorGateway.Simulator;

/// <summary>Per-connection request limits, counted in fixed one-second windows.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Whether limits are enforced (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Ordinary requests per second per connection (default 50).</summary>
    public int RequestsPerSecond { get; set; } = 50;

    /// <summary>Historical-data requests per second per connection (default 5).</summary>
    public int HistoricalRequestsPerSecond { get; set; } = 5;

    /// <summary>The answer to a request over its budget (default <see cref="RateLimitStyle.FrequencyExceeded"/>).</summary>
    public RateLimitStyle Style { get; set; } = RateLimitStyle.FrequencyExceeded;

    /// <summary>How long a payload type stays blocked in <see cref="RateLimitStyle.BlockPayloadType"/> style (default 2 s).</summary>
    public TimeSpan BlockDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Message names counted as historical (e.g. "ProtoOAGetTrendbarsReq"); empty means the protocol registry's set:
    /// trendbars, ticks, deal and order lists, cash flow.
    /// </summary>
    public List<string> HistoricalRequests { get; set; } = [];
}
