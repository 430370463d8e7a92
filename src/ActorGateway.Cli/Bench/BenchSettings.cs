namespace ActorGateway.Cli.Bench;

/// <summary>What one bench run measures and for how long; every scenario reads the parts it needs.</summary>
internal sealed record BenchSettings
{
    /// <summary>How long one measured round of one side lasts.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Rounds per side, alternating gateway and raw, so a noisy moment hits both.</summary>
    public int Rounds { get; init; } = 5;

    /// <summary>Requests in flight in the pipelined scenario.</summary>
    public int Window { get; init; } = 64;

    /// <summary>Requests held unanswered in the in-flight scenario.</summary>
    public int InFlight { get; init; } = 100_000;

    /// <summary>Outbound limits the throttle scenario runs at, requests per second.</summary>
    public IReadOnlyList<int> ThrottleLimits { get; init; } = [50, 5_000];

    /// <summary>Subscriber counts the fan-out scenario runs with, each at the fastest rate the gateway reads.</summary>
    public IReadOnlyList<int> Subscribers { get; init; } = [1, 10];

    /// <summary>The rate of the fan-out run at a set pace, to the most subscribers: the target rate, to show it lossless.</summary>
    public int PacedEventsPerSecond { get; init; } = 1_000_000;

    /// <summary>How fan-out subscribers get their events: actors, streams read with await foreach or as sources (of events or of batches), callbacks.</summary>
    public IReadOnlyList<FanOutSubscriber> SubscriberKinds { get; init; } = Enum.GetValues<FanOutSubscriber>();

    /// <summary>How the gateway is called in the scenarios that compare callers (pipelined, latency, in-flight).</summary>
    public IReadOnlyList<BenchCaller> Callers { get; init; } = [BenchCaller.Actor, BenchCaller.Task];

    /// <summary>Transports the scenarios that care run over.</summary>
    public IReadOnlyList<BenchTransport> Transports { get; init; } = [BenchTransport.Tcp, BenchTransport.Tls];

    /// <summary>An untimed round before the measured ones, so the JIT and the pools are warm.</summary>
    public TimeSpan WarmUp => Duration / 2;
}
