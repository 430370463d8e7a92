using System.Diagnostics;
using ActorGateway.Cli.Bench;

namespace ActorGateway.Cli.Tests.Bench;

public sealed class LatencyFiguresTests
{
    [Fact]
    public void Describe_takes_every_ratio_to_the_raw_client_with_the_lower_p50_wherever_it_is_listed()
    {
        var gateway = Steady("gateway", 28);
        var slower = Steady("raw slower", 25);
        var faster = Steady("raw faster", 20);

        var (figures, baseline) = LatencyFigures.Describe([gateway], [slower, faster]);

        Assert.Equal("raw faster", baseline);
        var byName = figures.ToDictionary(m => m.Name);
        Assert.Equal(25, byName["p50 µs raw slower"].Value, 6);
        Assert.Equal(20, byName["p99 µs raw faster"].Value, 6);
        Assert.Equal(1.4, byName["p50 µs gateway ratio"].Value, 6);
        Assert.Equal("x raw faster", byName["p99.9 µs gateway ratio"].Unit);
        Assert.True(byName["p50 µs gateway ratio"].Met is false);
        Assert.Equal("<= 1.5", byName["p99 µs gateway ratio"].Target);
        Assert.True(byName["p99 µs gateway ratio"].Met is true);
        Assert.Null(byName["p99.9 µs gateway ratio"].Target);
    }

    /// <summary>A client whose every round trip took <paramref name="microseconds"/>: a warm-up and two measured rounds.</summary>
    private static RoundTripTimes Steady(string name, double microseconds)
    {
        var times = new RoundTripTimes(name);
        var ticks = (long)Math.Round(microseconds * Stopwatch.Frequency / 1e6);
        for (var round = 0; round < 3; round++)
        {
            times.Sample(TimeSpan.FromMilliseconds(1), () => ticks, default);
        }

        return times;
    }
}
