using System.Text.Json;
using ActorGateway.TestKit;

namespace ActorGateway.Cli.Tests.Soak;

/// <summary>
/// The soak's short variant, run by every <c>dotnet test</c> and so by CI: 2,000 requests, 5 cuts, 64 in flight,
/// through the command line as a user runs it, and the JSON's invariants and figures checked one by one.
/// </summary>
public sealed class SoakRunTests
{
    private static readonly TimeSpan Bound = TestTimeouts.Dilated(TimeSpan.FromMinutes(3));

    [Fact]
    public async Task A_short_soak_completes_every_request_once_recovers_every_cut_and_executes_no_order_twice()
    {
        var path = Path.Combine(Path.GetTempPath(), $"soak-{Guid.NewGuid():N}.json");
        try
        {
            using var bound = new CancellationTokenSource(Bound);
            var (exitCode, output) = await CliRun.InvokeAsync(new StringWriter(),
                ["soak", "--requests", "2000", "--kills", "5", "--in-flight", "64", "--json", path], bound.Token).OrTimeout(Bound);

            Assert.True(exitCode == 0, output);
            Assert.Contains("soak passed", output, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            var root = json.RootElement;
            Assert.True(root.GetProperty("passed").GetBoolean());
            Assert.Empty(root.GetProperty("failed").EnumerateArray());
            foreach (var invariant in root.GetProperty("invariants").EnumerateObject())
            {
                Assert.True(invariant.Value.GetInt64() == 0, $"{invariant.Name} = {invariant.Value}");
            }

            var requests = root.GetProperty("requests");
            Assert.Equal(2000, requests.GetProperty("sent").GetInt64());
            Assert.Equal(2000, requests.GetProperty("completed").GetInt64());
            Assert.Equal(0, requests.GetProperty("hung").GetInt64());
            Assert.Equal(0, requests.GetProperty("completed_twice").GetInt64());
            Assert.Equal(2000, requests.GetProperty("by_kind").EnumerateObject().Sum(kind => kind.Value.GetInt64()));

            // Every request is in exactly one outcome, and the cuts did hit requests in flight: some failed typed.
            var outcomes = root.GetProperty("outcomes").EnumerateObject().ToDictionary(o => o.Name, o => o.Value.GetInt64());
            Assert.Equal(2000, outcomes.Values.Sum());
            Assert.Contains(outcomes.Keys, name => name.StartsWith("GatewayConnectionException", StringComparison.Ordinal));
            Assert.True(outcomes["reply"] > 1000, $"only {outcomes["reply"]} replies");

            var cuts = root.GetProperty("cuts");
            Assert.Equal(5, cuts.GetProperty("made").GetInt32());
            Assert.Equal(3, cuts.GetProperty("resets").GetInt32());
            Assert.Equal(2, cuts.GetProperty("closes").GetInt32());
            Assert.Equal(5, cuts.GetProperty("recovered").GetInt32());
            Assert.Equal(5, cuts.GetProperty("session_reconnects").GetInt32());
            Assert.InRange(cuts.GetProperty("restore_ms_p50").GetDouble(), 0.001, cuts.GetProperty("restore_ms_max").GetDouble());

            var orders = root.GetProperty("orders");
            long Orders(string name) => orders.GetProperty(name).GetInt64();
            Assert.Equal(200, Orders("sent"));
            Assert.Equal(Orders("sent"), Orders("succeeded") + Orders("failed") + Orders("unknown"));
            Assert.Equal(Orders("unknown"), Orders("unknown_resolved_by_reconcile"));
            Assert.Equal(Orders("unknown"), Orders("unknown_found_executed") + Orders("unknown_found_not_executed"));
            // The server executed each accepted order once, each unknown one found executed once, and nothing else.
            Assert.Equal(Orders("succeeded") + Orders("unknown_found_executed"), Orders("executions_counted"));
            Assert.Equal(0, Orders("executed_twice"));
            Assert.Equal(0, Orders("success_but_not_executed"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--requests", "0")]
    [InlineData("--in-flight", "0")]
    [InlineData("--kills", "-1")]
    [InlineData("--max-minutes", "0")]
    public async Task A_setting_out_of_range_is_one_line_and_exit_code_2(string option, string value)
    {
        var (exitCode, output) = await CliRun.InvokeAsync("soak", option, value).OrTimeout();

        Assert.Equal(2, exitCode);
        Assert.Contains(option, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_many_cuts_as_requests_is_refused_before_anything_starts()
    {
        var (exitCode, output) = await CliRun.InvokeAsync("soak", "--requests", "5", "--kills", "5").OrTimeout();

        Assert.Equal(2, exitCode);
        Assert.Equal("error: --kills must be fewer than --requests: each cut comes before a request.", output.Trim());
    }
}
