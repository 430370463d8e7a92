using System.Diagnostics;
using ActorGateway.Cli.Bench;

namespace ActorGateway.Cli.Tests.Bench;

public sealed class RoundTripTimesTests
{
    [Fact]
    public void AddRound_takes_an_actors_round_trips_in_ticks_as_a_round_of_microseconds_in_order()
    {
        var times = new RoundTripTimes("gateway actor");
        static long Ticks(double microseconds) => (long)Math.Round(microseconds * Stopwatch.Frequency / 1e6);

        var warmUp = times.AddRound([Ticks(100)]);
        var counted = times.AddRound([Ticks(30), Ticks(10), Ticks(20), Ticks(40)]);

        Assert.Equal(1, warmUp);
        Assert.Equal(4, counted);
        // The warm-up is left out of the percentiles; the round's own are taken from its sorted times.
        Assert.Equal(20, Assert.Single(times.Percentile(0.5)), 6);
        Assert.Equal(40, Assert.Single(times.Percentile(0.99)), 6);
    }
}
