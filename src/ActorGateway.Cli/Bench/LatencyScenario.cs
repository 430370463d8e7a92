using System.Diagnostics;
using ActorGateway.Protocol.Messages;

namespace ActorGateway.Cli.Bench;

/// <summary>One VersionReq at a time: round-trip percentiles of the gateway and of the raw client on one server.</summary>
internal static class LatencyScenario
{
    public const string Name = "latency";

    private static readonly (string Label, double Fraction)[] Percentiles = [("p50", 0.5), ("p99", 0.99), ("p99.9", 0.999)];

    public static async Task<ScenarioResult> RunAsync(BenchSettings settings, BenchTransport transport, CancellationToken cancellationToken)
    {
        var session = await BenchSession.StartAsync(transport, cancellationToken).ConfigureAwait(false);
        var request = new ProtoOAVersionReq();
        var gatewaySamples = new List<double[]>();
        var rawSamples = new List<double[]>();
        await using (session.ConfigureAwait(false))
        {
            await SideBySide.RunAsync(settings,
                duration => SampleAsync(duration, gatewaySamples, async () =>
                {
                    var start = Stopwatch.GetTimestamp();
                    await session.Gateway.AskAsync<ProtoOAVersionRes>(request, cancellationToken: cancellationToken).ConfigureAwait(false);
                    return Stopwatch.GetTimestamp() - start;
                }),
                duration => SampleAsync(duration, rawSamples, () => session.Raw.RoundTripAsync(cancellationToken))).ConfigureAwait(false);
        }

        // The first entry of each list is the warm-up round.
        var figures = new List<Measurement>();
        foreach (var (label, fraction) in Percentiles)
        {
            var gatewayRounds = gatewaySamples.Skip(1).Select(s => Statistics.Percentile(s, fraction)).ToArray();
            var rawRounds = rawSamples.Skip(1).Select(s => Statistics.Percentile(s, fraction)).ToArray();
            var described = SideBySide.Describe($"{label} µs", "µs", gatewayRounds, rawRounds);
            if (label == "p50")
            {
                described[2] = described[2].AtMost(1.3);
            }

            figures.AddRange(described);
        }

        return new ScenarioResult(Name, transport.ToString(), figures);
    }

    private static async Task<double> SampleAsync(TimeSpan duration, List<double[]> rounds, Func<Task<long>> roundTrip)
    {
        var microseconds = new List<double>();
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            microseconds.Add(await roundTrip().ConfigureAwait(false) * 1e6 / Stopwatch.Frequency);
        }

        microseconds.Sort();
        rounds.Add([.. microseconds]);
        return microseconds.Count;
    }
}
