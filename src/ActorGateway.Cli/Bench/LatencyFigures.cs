namespace ActorGateway.Cli.Bench;

/// <summary>
/// The latency scenario's figures: percentiles of every gateway caller and every raw client, and each caller's ratio to
/// the raw client with the lowest p50, the fastest honest client of the run.
/// </summary>
internal static class LatencyFigures
{
    private const double P50 = 0.5;

    // The targets for a caller's ratio to the baseline; it sets none for p99.9.
    private static readonly (string Label, double Fraction, double? AtMost)[] Percentiles =
        [("p50", P50, 1.3), ("p99", 0.99, 1.5), ("p99.9", 0.999, null)];

    public static (IReadOnlyList<Measurement> Figures, string Baseline) Describe(IReadOnlyList<RoundTripTimes> callers,
        IReadOnlyList<RoundTripTimes> rawClients)
    {
        var baseline = rawClients.MinBy(raw => Statistics.Median(raw.Percentile(P50)))
            ?? throw new ArgumentException("There is no raw client to measure against.", nameof(rawClients));
        var figures = new List<Measurement>();
        foreach (var (label, fraction, atMost) in Percentiles)
        {
            figures.AddRange(callers.Concat(rawClients)
                .Select(client => Measurement.Of(Name(label, client), "µs", client.Percentile(fraction))));
            foreach (var caller in callers)
            {
                // Round by round, so the ratio's spread is that of rounds measured side by side.
                var ratio = Measurement.Of($"{Name(label, caller)} ratio", $"x {baseline.Name}",
                    Statistics.Ratios(caller.Percentile(fraction), baseline.Percentile(fraction)));
                figures.Add(atMost is { } target ? ratio.AtMost(target) : ratio);
            }
        }

        return (figures, baseline.Name);
    }

    private static string Name(string label, RoundTripTimes client) => $"{label} µs {client.Name}";
}
