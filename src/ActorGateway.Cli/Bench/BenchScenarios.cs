namespace ActorGateway.Cli.Bench;

/// <summary>The scenarios by name, and which of them run once per transport.</summary>
internal static class BenchScenarios
{
    public const string All = "all";

    public static IReadOnlyList<string> Names { get; } =
    [
        PipelinedScenario.Name, LatencyScenario.Name, ThrottleScenario.Name, FanOutScenario.Name, InFlightScenario.Name,
        RestoreScenario.Name,
    ];

    /// <summary>Runs one scenario (or all of them), handing each result on as soon as it is measured.</summary>
    public static async Task RunAsync(string scenario, BenchSettings settings, Action<ScenarioResult> onResult,
        CancellationToken cancellationToken)
    {
        foreach (var name in scenario == All ? Names : [scenario])
        {
            foreach (var result in await RunOneAsync(name, settings, cancellationToken).ConfigureAwait(false))
            {
                onResult(result);
            }
        }
    }

    private static async Task<IReadOnlyList<ScenarioResult>> RunOneAsync(string name, BenchSettings settings,
        CancellationToken cancellationToken)
    {
        var results = new List<ScenarioResult>();
        switch (name)
        {
            case ThrottleScenario.Name:
                foreach (var limit in settings.ThrottleLimits)
                {
                    results.Add(await ThrottleScenario.RunAsync(limit, settings.Duration, cancellationToken).ConfigureAwait(false));
                }

                break;
            case FanOutScenario.Name:
                foreach (var subscribers in settings.Subscribers)
                {
                    results.Add(await FanOutScenario.RunAsync(settings, subscribers, null, settings.SubscriberKinds[0], cancellationToken)
                        .ConfigureAwait(false));
                }

                // The target (a million a second to the most subscribers, none lost) for each kind of subscriber.
                foreach (var kind in settings.SubscriberKinds)
                {
                    results.Add(await FanOutScenario.RunAsync(settings, settings.Subscribers.Max(), settings.PacedEventsPerSecond, kind,
                        cancellationToken).ConfigureAwait(false));
                }

                break;
            default:
                foreach (var transport in settings.Transports)
                {
                    results.Add(await RunPerTransportAsync(name, settings, transport, cancellationToken).ConfigureAwait(false));
                }

                break;
        }

        return results;
    }

    private static Task<ScenarioResult> RunPerTransportAsync(string name, BenchSettings settings, BenchTransport transport,
        CancellationToken cancellationToken) => name switch
        {
            PipelinedScenario.Name => PipelinedScenario.RunAsync(settings, transport, cancellationToken),
            LatencyScenario.Name => LatencyScenario.RunAsync(settings, transport, cancellationToken),
            InFlightScenario.Name => InFlightScenario.RunAsync(settings, transport, cancellationToken),
            RestoreScenario.Name => RestoreScenario.RunAsync(settings, transport, cancellationToken),
            _ => throw new ArgumentException($"There is no bench scenario '{name}'.", nameof(name)),
        };
}
