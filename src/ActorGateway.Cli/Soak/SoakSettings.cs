namespace ActorGateway.Cli.Soak;

/// <summary>What one soak run does, and the bounds that keep every wait of it finite.</summary>
internal sealed record SoakSettings
{
    /// <summary>Requests sent in all, of every kind.</summary>
    public int Requests { get; init; } = 100_000;

    /// <summary>Connection cuts, spread evenly over the requests; each waits for the session restored after the one before.</summary>
    public int Kills { get; init; } = 50;

    /// <summary>Requests awaiting their outcome at once.</summary>
    public int InFlight { get; init; } = 64;

    /// <summary>How long one request may wait for its reply (the session's request timeout).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A request not completed this long after the last one was sent counts as hung.</summary>
    public TimeSpan HangBound { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A cut whose session is not restored within this long counts as not recovered.</summary>
    public TimeSpan RestoreBound { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The whole run stops sending after this long; a run cut short fails.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(30);
}
