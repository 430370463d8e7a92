using System.Diagnostics;
using ActorGateway.Cli.Bench;

namespace ActorGateway.Cli.Tests.Bench;

public sealed class StatisticsTests
{
    [Fact]
    public void Percentile_of_one_to_a_thousand_is_the_nearest_rank()
    {
        var values = Enumerable.Range(1, 1000).Select(i => (double)i).ToArray();

        Assert.Equal(500, Statistics.Percentile(values, 0.5));
        Assert.Equal(990, Statistics.Percentile(values, 0.99));
        Assert.Equal(999, Statistics.Percentile(values, 0.999));
        Assert.Equal(1, Statistics.Percentile(values, 0));
    }

    [Fact]
    public void Median_does_not_depend_on_order()
    {
        Assert.Equal(Statistics.Median([3.0, 1.0, 2.0]), Statistics.Median([1.0, 2.0, 3.0]));
        Assert.Equal(2.0, Statistics.Median([3.0, 1.0, 2.0]));
    }

    [Fact]
    public void Ratios_pair_rounds_and_mark_a_zero_baseline_as_not_a_number()
    {
        var ratios = Statistics.Ratios([2.0, 3.0, 1.0], [4.0, 3.0, 0.0]);

        Assert.Equal(0.5, ratios[0]);
        Assert.Equal(1.0, ratios[1]);
        Assert.True(double.IsNaN(ratios[2]));
    }

    [Fact]
    public void BusiestSecond_counts_a_window_half_open_at_one_second()
    {
        var second = Stopwatch.Frequency;
        // Two bursts exactly one second apart never share a window; a third frame just inside does.
        long[] bursts = [0, 0, 0, second, second, second];
        long[] overlap = [0, 0, 0, second - 1, second, second];

        Assert.Equal(3, ThrottleScenario.BusiestSecond(bursts));
        Assert.Equal(4, ThrottleScenario.BusiestSecond(overlap));
    }

    [Fact]
    public void Measurement_targets_record_whether_they_were_met()
    {
        var measured = Measurement.Of("x", "1/s", [1.0, 2.0, 3.0]);

        Assert.True(measured.AtLeast(2).Met);
        Assert.False(measured.AtLeast(2.5).Met);
        Assert.True(measured.AtMost(2).Met);
        Assert.Equal((1.0, 3.0), (measured.Low, measured.High));
    }
}
