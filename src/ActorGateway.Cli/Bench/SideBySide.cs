namespace ActorGateway.Cli.Bench;

/// <summary>Runs the gateway and the raw client in alternating rounds after an untimed warm-up of each.</summary>
internal static class SideBySide
{
    public static async Task<(double[] Gateway, double[] Raw)> RunAsync(BenchSettings settings,
        Func<TimeSpan, Task<double>> gateway, Func<TimeSpan, Task<double>> raw)
    {
        await gateway(settings.WarmUp).ConfigureAwait(false);
        await raw(settings.WarmUp).ConfigureAwait(false);
        var gatewayRounds = new double[settings.Rounds];
        var rawRounds = new double[settings.Rounds];
        for (var round = 0; round < settings.Rounds; round++)
        {
            // Who goes first alternates too, so neither side always inherits the other's garbage.
            if (round % 2 == 0)
            {
                gatewayRounds[round] = await gateway(settings.Duration).ConfigureAwait(false);
                rawRounds[round] = await raw(settings.Duration).ConfigureAwait(false);
            }
            else
            {
                rawRounds[round] = await raw(settings.Duration).ConfigureAwait(false);
                gatewayRounds[round] = await gateway(settings.Duration).ConfigureAwait(false);
            }
        }

        return (gatewayRounds, rawRounds);
    }

    /// <summary>The gateway's and the raw client's medians, and the ratio of each round, as measurements.</summary>
    public static Measurement[] Describe(string name, string unit, double[] gateway, double[] raw) =>
    [
        Measurement.Of($"{name} gateway", unit, gateway),
        Measurement.Of($"{name} raw", unit, raw),
        Measurement.Of($"{name} ratio", "x raw", Statistics.Ratios(gateway, raw)),
    ];
}
