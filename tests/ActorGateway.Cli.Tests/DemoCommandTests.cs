using ActorGateway.TestKit;

namespace ActorGateway.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_with_a_duration_trades_against_the_simulator_and_exits_0()
    {
        var (exitCode, output) = await CliRun.InvokeAsync("demo", "--duration", "3")
            .OrTimeout(TestTimeouts.Dilated(TimeSpan.FromSeconds(60)));

        Assert.True(exitCode == 0, output);
        Assert.Contains("listening on 127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Contains("application authenticated", output, StringComparison.Ordinal);
        Assert.Contains("EURUSD", output, StringComparison.Ordinal);
        Assert.Contains("ORDER_FILLED", output, StringComparison.Ordinal);
        Assert.Contains("ORDER_CANCELLED", output, StringComparison.Ordinal);
        Assert.Matches(@"Fills\s+2", output);
        Assert.Contains("demo finished", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_with_a_duration_below_one_second_is_refused_in_one_line()
    {
        var (exitCode, output) = await CliRun.InvokeAsync("demo", "--duration", "0").OrTimeout();

        Assert.NotEqual(0, exitCode);
        Assert.Equal("error: --duration must be at least 1 second.", output.Trim());
    }
}
