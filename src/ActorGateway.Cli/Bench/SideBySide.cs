namespace ActorGateway.Cli.Bench;

/// <summary>Runs clients against each other in alternating rounds after an untimed warm-up of each.</summary>
internal static class SideBySide
{
    public static async Task<(double[] Gateway, double[] Raw)> RunAsync(BenchSettings settings,
        Func<TimeSpan, Task<double>> gateway, Func<TimeSpan, Task<double>> raw)
    {
        var rounds = await RunAsync(settings, [gateway, raw]).ConfigureAwait(false);
        return (rounds[0], rounds[1]);
    }

    /// <summary>Each side's figure per measured round, in the order the sides were given.</summary>
    public static async Task<double[][]> RunAsync(BenchSettings settings, IReadOnlyList<Func<TimeSpan, Task<double>>> sides)
    {
        foreach (var side in sides)
        {
            await side(settings.WarmUp).ConfigureAwait(false);
        }

        var rounds = sides.Select(_ => new double[settings.Rounds]).ToArray();
        for (var round = 0; round < settings.Rounds; round++)
        {
            // Who goes first rotates too, so no side always inherits another's garbage.
            for (var turn = 0; turn < sides.Count; turn++)
            {
                var side = (round + turn) % sides.Count;
                rounds[side][round] = await sides[side](settings.Duration).ConfigureAwait(false);
            }
        }

        return rounds;
    }

    /// <summary>The gateway's and the raw client's medians, and the ratio of each round, as measurements.</summary>
    public static Measurement[] Describe(string name, string unit, double[] gateway, double[] raw) =>
    [
        Measurement.Of($"{name} gateway", unit, gateway),
        Measurement.Of($"{name} raw", unit, raw),
        Measurement.Of($"{name} ratio", "x raw", Statistics.Ratios(gateway, raw)),
    ];
}
