using System.Diagnostics;

namespace ActorGateway.Cli.Bench;

/// <summary>One client's round-trip times, in microseconds, a sorted array per round with the warm-up round first.</summary>
internal sealed class RoundTripTimes(string name)
{
    private readonly List<double[]> _rounds = [];

    /// <summary>The client, as the figures name it.</summary>
    public string Name => name;

    /// <summary>Awaits <paramref name="roundTrip"/> (returning Stopwatch ticks) one after another for a round.</summary>
    public async Task<double> SampleAsync(TimeSpan duration, Func<Task<long>> roundTrip)
    {
        var microseconds = new List<double>();
        var stopAt = StopAt(duration);
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            microseconds.Add(ToMicroseconds(await roundTrip().ConfigureAwait(false)));
        }

        return Add(microseconds);
    }

    /// <summary>The same on the caller's thread, which <paramref name="roundTrip"/> blocks.</summary>
    public double Sample(TimeSpan duration, Func<long> roundTrip, CancellationToken cancellationToken)
    {
        var microseconds = new List<double>();
        var stopAt = StopAt(duration);
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            cancellationToken.ThrowIfCancellationRequested();
            microseconds.Add(ToMicroseconds(roundTrip()));
        }

        return Add(microseconds);
    }

    /// <summary>A round measured elsewhere (by an actor), each round trip in Stopwatch ticks; returns how many.</summary>
    public double AddRound(IReadOnlyList<long> roundTrips) => Add([.. roundTrips.Select(ToMicroseconds)]);

    /// <summary>The percentile at <paramref name="fraction"/> of each measured round (the warm-up left out).</summary>
    public double[] Percentile(double fraction) => [.. _rounds.Skip(1).Select(round => Statistics.Percentile(round, fraction))];

    private static long StopAt(TimeSpan duration) => Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);

    private static double ToMicroseconds(long ticks) => ticks * 1e6 / Stopwatch.Frequency;

    private double Add(List<double> microseconds)
    {
        microseconds.Sort();
        _rounds.Add([.. microseconds]);
        return microseconds.Count;
    }
}
