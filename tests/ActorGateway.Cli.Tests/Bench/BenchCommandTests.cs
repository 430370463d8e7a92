using System.CommandLine;
using System.Text.Json;
using ActorGateway.Cli.Bench;
using ActorGateway.TestKit;
using Spectre.Console;

namespace ActorGateway.Cli.Tests.Bench;

public sealed class BenchCommandTests
{
    [Fact]
    public async Task RunAsync_with_json_writes_a_parseable_file_with_every_printed_result()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.json");
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No });
        console.Profile.Width = 200; // so no figure's name is wrapped
        try
        {
            var exitCode = await BenchCommand.RunAsync(RestoreScenario.Name, SmokeSettings.Over(BenchTransport.Tcp), new FileInfo(path),
                console, default).OrTimeout(SmokeSettings.Bound);

            Assert.Equal(0, exitCode);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            var result = Assert.Single(json.RootElement.GetProperty("results").EnumerateArray());
            Assert.Equal(RestoreScenario.Name, result.GetProperty("scenario").GetString());
            var measurement = Assert.Single(result.GetProperty("measurements").EnumerateArray());
            Assert.True(measurement.GetProperty("value").GetDouble() > 0);
            Assert.Contains("listener back to session restored", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task RunAsync_latency_names_the_raw_client_its_ratios_are_to_in_the_table_and_the_json()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.json");
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No });
        console.Profile.Width = 200;
        try
        {
            await BenchCommand.RunAsync(LatencyScenario.Name, SmokeSettings.Over(BenchTransport.Tcp), new FileInfo(path), console, default)
                .OrTimeout(SmokeSettings.Bound);

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            var result = Assert.Single(json.RootElement.GetProperty("results").EnumerateArray());
            var baseline = result.GetProperty("baseline").GetString();
            Assert.Contains(baseline, new[] { "raw async", "raw blocking" });
            var names = result.GetProperty("measurements").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
            Assert.Contains("p50 µs raw async", names);
            Assert.Contains("p50 µs raw blocking", names);
            Assert.Contains($"ratios to {baseline}", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("bench", "nonsense")]
    [InlineData("bench", "pipelined", "--rounds", "0")]
    [InlineData("bench", "latency", "--transport", "udp")]
    public void Parse_bad_arguments_reports_an_error(params string[] args)
    {
        var root = new RootCommand { BenchCommand.Create() };

        Assert.NotEmpty(root.Parse(args).Errors);
    }

    [Fact]
    public void Parse_scenario_and_options_are_accepted()
    {
        var root = new RootCommand { BenchCommand.Create() };

        Assert.Empty(root.Parse(["bench", "fan-out", "--seconds", "0.5", "-w", "8", "--transport", "tls", "--json", "out.json"]).Errors);
    }
}
