using ActorGateway.Cli.Bench;
using ActorGateway.TestKit;

namespace ActorGateway.Cli.Tests.Bench;

public sealed class ScenarioSmokeTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Pipelined_short_run_counts_replies_on_both_sides_and_their_ratio(bool tls)
    {
        var transport = tls ? BenchTransport.Tls : BenchTransport.Tcp;
        var result = await PipelinedScenario.RunAsync(SmokeSettings.Over(transport), transport, default).OrTimeout(SmokeSettings.Bound);

        AssertSideBySide(result, "replies/s");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Latency_short_run_reports_both_raw_clients_and_takes_ratios_to_the_one_with_the_lower_p50(bool tls)
    {
        var transport = tls ? BenchTransport.Tls : BenchTransport.Tcp;
        var result = await LatencyScenario.RunAsync(SmokeSettings.Over(transport), transport, default).OrTimeout(SmokeSettings.Bound);

        string[] rawClients = ["raw async", "raw blocking"];
        foreach (var client in rawClients.Prepend("gateway"))
        {
            var (p50, p99, p999) = (result[$"p50 µs {client}"], result[$"p99 µs {client}"], result[$"p99.9 µs {client}"]);
            AssertRounds(p50);
            AssertRounds(p99);
            AssertRounds(p999);
            Assert.True(p50.Value <= p99.Value && p99.Value <= p999.Value, $"{client}: {p50.Value}, {p99.Value}, {p999.Value} µs");
        }

        var baseline = Assert.Single(rawClients, client => client == result.Baseline);
        var other = Assert.Single(rawClients, client => client != result.Baseline);
        Assert.True(result[$"p50 µs {baseline}"].Value <= result[$"p50 µs {other}"].Value,
            $"{baseline} {result[$"p50 µs {baseline}"].Value} µs, {other} {result[$"p50 µs {other}"].Value} µs");
        foreach (var label in new[] { "p50", "p99", "p99.9" })
        {
            var ratio = result[$"{label} µs gateway ratio"];
            AssertRounds(ratio);
            Assert.Equal($"x {baseline}", ratio.Unit);
        }

        Assert.NotNull(result["p50 µs gateway ratio"].Met);
    }

    [Fact]
    public async Task Throttle_short_run_sends_the_whole_backlog_and_measures_the_busiest_second()
    {
        var result = await ThrottleScenario.RunAsync(200, TimeSpan.FromMilliseconds(100), default).OrTimeout(SmokeSettings.Bound);

        // One second of limit plus the first burst, and the application auth before them: all reached the server.
        Assert.Equal(401, result["sent"].Value);
        Assert.InRange(result["most in any 1 s window"].Value, 1, 400);
        Assert.True(result["achieved rate"].Value > 0);
        Assert.Equal(result["achieved rate"].Value / 200, result["achieved / limit"].Value, 9);
    }

    [Fact]
    public async Task FanOut_short_run_delivers_events_to_every_subscriber_on_both_sides()
    {
        var result = await FanOutScenario.RunAsync(SmokeSettings.Over(BenchTransport.Tcp), 2, null, default).OrTimeout(SmokeSettings.Bound);

        // Events on the gateway side mean the flood server answered the session's whole handshake and the publisher's
        // streams carried the spots to the subscribers' callbacks.
        AssertSideBySide(result, "events/s");
        Assert.True(result["gateway catching up after the flood"].Value >= 0);
        Assert.True(result["events the subscribers lost (queue full)"].Value >= 0);
    }

    [Fact]
    public async Task FanOut_paced_run_delivers_no_faster_than_offered_and_judges_the_losses()
    {
        const int offered = 20_000;
        var result = await FanOutScenario.RunAsync(SmokeSettings.Over(BenchTransport.Tcp), 2, offered, default).OrTimeout(SmokeSettings.Bound);

        // Blocks of a thousand go out on the schedule, so a short window can catch one block more than its share, but a
        // flood unpaced would be hundreds of times the rate.
        var delivered = result["events/s gateway"];
        Assert.InRange(delivered.Value, 1, offered * 5);
        Assert.NotNull(delivered.Met);
        Assert.NotNull(result["events the subscribers lost (queue full)"].Met);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task InFlight_short_run_reports_bytes_per_held_request(bool tls)
    {
        var transport = tls ? BenchTransport.Tls : BenchTransport.Tcp;
        var result = await InFlightScenario.RunAsync(SmokeSettings.Over(transport), transport, default).OrTimeout(SmokeSettings.Bound);

        var perRequest = result["gateway per in-flight request"];
        // Each held request keeps at least its task and its dictionary entry.
        Assert.True(perRequest.Value > 0, $"{perRequest.Value} B per request");
        Assert.NotNull(perRequest.Met);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Restore_short_run_times_every_outage_until_the_session_says_it_is_restored(bool tls)
    {
        var transport = tls ? BenchTransport.Tls : BenchTransport.Tcp;
        var result = await RestoreScenario.RunAsync(SmokeSettings.Over(transport), transport, default).OrTimeout(SmokeSettings.Bound);

        // The run ends only once every round saw the session's SessionRestored notice, so reaching here is half the
        // check; the other half is that each round took time and the figure is judged against its target.
        var restore = result["listener back to session restored"];
        Assert.True(restore.Low > 0 && restore.Low <= restore.Value && restore.Value <= restore.High);
        Assert.NotNull(restore.Met);
    }

    private static void AssertRounds(Measurement measurement)
    {
        Assert.True(double.IsFinite(measurement.Value) && measurement.Low > 0, $"{measurement.Name} {measurement.Low}");
        Assert.InRange(measurement.Value, measurement.Low, measurement.High);
    }

    private static void AssertSideBySide(ScenarioResult result, string name)
    {
        var gateway = result[$"{name} gateway"];
        var raw = result[$"{name} raw"];
        var ratio = result[$"{name} ratio"];
        Assert.True(gateway.Value > 0, $"{name} gateway {gateway.Value}");
        Assert.True(raw.Value > 0, $"{name} raw {raw.Value}");
        Assert.True(double.IsFinite(ratio.Value) && ratio.Value > 0, $"{name} ratio {ratio.Value}");
        Assert.InRange(ratio.Value, ratio.Low, ratio.High);
    }
}
