namespace ActorGateway.Simulator;

/// <summary>The generated market.</summary>
public sealed class MarketOptions
{
    /// <summary>How often prices move (default 500 ms).</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Levels per side in the depth book (default 5).</summary>
    public int DepthLevels { get; set; } = 5;
}
