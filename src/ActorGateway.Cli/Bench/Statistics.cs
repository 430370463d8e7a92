namespace ActorGateway.Cli.Bench;

/// <summary>The few order statistics the scenarios report.</summary>
internal static class Statistics
{
    public static double Median(IReadOnlyList<double> values) => Percentile([.. values.Order()], 0.5);

    /// <summary>The value at fraction <paramref name="p"/> of an ascending list (nearest rank).</summary>
    public static double Percentile(IReadOnlyList<double> ascending, double p)
    {
        if (ascending.Count == 0)
        {
            throw new ArgumentException("No values to take a percentile of.", nameof(ascending));
        }

        var rank = (int)Math.Ceiling(p * ascending.Count) - 1;
        return ascending[Math.Clamp(rank, 0, ascending.Count - 1)];
    }

    /// <summary>Gateway over raw for each round, so the ratio's spread is that of rounds measured side by side.</summary>
    public static double[] Ratios(IReadOnlyList<double> gateway, IReadOnlyList<double> raw) =>
        [.. gateway.Zip(raw, static (g, r) => r == 0 ? double.NaN : g / r)];

    public static double Seconds(long fromTimestamp, long toTimestamp) =>
        (toTimestamp - fromTimestamp) / (double)System.Diagnostics.Stopwatch.Frequency;
}
