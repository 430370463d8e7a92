using ActorGateway.Cli.Bench;

namespace ActorGateway.Cli.Tests.Bench;

public sealed class SideBySideTests
{
    [Fact]
    public async Task RunAsync_warms_every_side_up_then_rotates_who_goes_first_each_round()
    {
        var settings = new BenchSettings { Duration = TimeSpan.FromSeconds(2), Rounds = 3 };
        var calls = new List<(int Side, TimeSpan Duration)>();
        Func<TimeSpan, Task<double>> Side(int side) => duration =>
        {
            calls.Add((side, duration));
            return Task.FromResult(10.0 * side + calls.Count(call => call.Side == side));
        };

        var rounds = await SideBySide.RunAsync(settings, [Side(0), Side(1), Side(2)]);

        Assert.Equal([0, 1, 2, 0, 1, 2, 1, 2, 0, 2, 0, 1], calls.Select(call => call.Side));
        Assert.All(calls.Take(3), call => Assert.Equal(settings.WarmUp, call.Duration));
        Assert.All(calls.Skip(3), call => Assert.Equal(settings.Duration, call.Duration));
        // Each side's figures come back under its own index, the warm-up's left out.
        Assert.Equal([[2.0, 3, 4], [12.0, 13, 14], [22.0, 23, 24]], rounds);
    }
}
