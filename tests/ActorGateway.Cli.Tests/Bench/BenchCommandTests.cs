using System.CommandLine;
using System.Globalization;
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
            // By default both callers are measured, and the file says so.
            Assert.Equal(["actor", "task"], result.GetProperty("callers").EnumerateArray().Select(c => c.GetString()));
            Assert.Contains("p50 µs gateway actor ratio", names);
            Assert.Contains("p50 µs gateway task ratio", names);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task RunAsync_pipelined_by_default_writes_the_figures_of_both_callers_to_the_json()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.json");
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()), Ansi = AnsiSupport.No });
        try
        {
            await BenchCommand.RunAsync(PipelinedScenario.Name, SmokeSettings.Over(BenchTransport.Tcp), new FileInfo(path), console, default)
                .OrTimeout(SmokeSettings.Bound);

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            var result = Assert.Single(json.RootElement.GetProperty("results").EnumerateArray());
            Assert.Equal(["actor", "task"], result.GetProperty("callers").EnumerateArray().Select(c => c.GetString()));
            var figures = result.GetProperty("measurements").EnumerateArray()
                .ToDictionary(m => m.GetProperty("name").GetString()!, m => m);
            foreach (var (caller, target) in new[] { ("actor", ">= 0.7"), ("task", ">= 0.6") })
            {
                Assert.True(figures[$"replies/s gateway {caller}"].GetProperty("value").GetDouble() > 0, caller);
                var ratio = figures[$"replies/s gateway {caller} ratio"];
                Assert.True(ratio.GetProperty("value").GetDouble() > 0, caller);
                Assert.Equal(target, ratio.GetProperty("target").GetString());
                Assert.Equal(ratio.GetProperty("value").GetDouble() >= double.Parse(target[3..], CultureInfo.InvariantCulture),
                    ratio.GetProperty("met").GetBoolean());
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("actor", new[] { "actor" })]
    [InlineData("task", new[] { "task" })]
    [InlineData("both", new[] { "actor", "task" })]
    public void Callers_are_the_one_named_or_both(string word, string[] expected)
    {
        Assert.Equal(expected, BenchCommand.Callers(word).Select(caller => caller.Word()));
    }

    [Theory]
    [InlineData("bench", "latency", "--caller", "thread")]
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
        Assert.Empty(root.Parse(["bench", "pipelined", "--caller", "actor"]).Errors);
        Assert.Empty(root.Parse(["bench", "latency", "--caller", "task"]).Errors);
    }
}
