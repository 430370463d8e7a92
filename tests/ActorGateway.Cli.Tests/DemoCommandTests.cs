using System.Text.RegularExpressions;
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
    public async Task Demo_with_output_not_on_a_terminal_writes_plain_lines_without_redraws()
    {
        var (exitCode, output) = await CliRun.InvokeAsync("demo", "--duration", "7")
            .OrTimeout(TestTimeouts.Dilated(TimeSpan.FromSeconds(60)));

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\r', output);

        // Once: tables are written when there is something new, never again at each refresh.
        Assert.Single(Regex.Matches(output, @"(?m)^\s*Execution events\s*$"));
        Assert.Single(Regex.Matches(output, "Accounts of the access token"));
        Assert.Matches(@"(?m)^prices: EURUSD \d\.\d{5}/\d\.\d{5}, GBPUSD ", output);
        Assert.Matches(@"(?m)^bought 1000 units of EURUSD at \d", output);

        // Seven seconds at four refreshes a second would be hundreds of lines redrawn; plain output says each thing once.
        Assert.InRange(output.Split('\n').Length, 20, 80);
    }

    [Fact]
    public async Task Demo_stopped_by_ctrl_c_prints_its_summary()
    {
        var writer = new WatchedWriter();
        using var stop = new CancellationTokenSource();
        var run = CliRun.InvokeAsync(writer, ["demo"], stop.Token);

        await writer.WaitForAsync(new Regex("(?m)^cancelled limit order"), 0).OrTimeout(TestTimeouts.Dilated(TimeSpan.FromSeconds(30)));
        await stop.CancelAsync();
        var (exitCode, output) = await run.OrTimeout();

        Assert.True(exitCode == 0, output);
        Assert.Contains("Summary", output, StringComparison.Ordinal);
        Assert.Matches(@"Round trip\s+EURUSD buy 1000 units", output);
        Assert.Matches(@"Fills\s+2", output);
        Assert.EndsWith("demo stopped (Ctrl+C)", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_with_a_duration_below_one_second_is_refused_in_one_line()
    {
        var (exitCode, output) = await CliRun.InvokeAsync("demo", "--duration", "0").OrTimeout();

        Assert.Equal(2, exitCode);
        Assert.Equal("error: --duration must be at least 1 second.", output.Trim());
    }
}
