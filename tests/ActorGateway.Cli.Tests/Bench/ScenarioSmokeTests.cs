using ActorGateway.Cli.Bench;
using ActorGateway.TestKit;

namespace ActorGateway.Cli.Tests.Bench;

public sealed class ScenarioSmokeTests
{
    /// <summary>Every transport with each <c>--caller</c>: actor, task, and both, the default.</summary>
    public static TheoryData<bool, string> TransportsAndCallers() => new()
    {
        { false, "actor" }, { false, "task" }, { false, "both" },
        { true, "actor" }, { true, "task" }, { true, "both" },
    };

    [Theory]
    [MemberData(nameof(TransportsAndCallers))]
    public async Task Pipelined_short_run_counts_replies_of_each_caller_and_the_raw_client_with_each_callers_ratio(bool tls,
        string caller)
    {
        var transport = tls ? BenchTransport.Tls : BenchTransport.Tcp;
        var settings = SmokeSettings.Over(transport, caller);
        var result = await PipelinedScenario.RunAsync(settings, transport, default).OrTimeout(SmokeSettings.Bound);

        AssertCallers(settings, result);
        string[] sides = [.. settings.Callers.Select(c => c.Side()), "raw"];
        foreach (var side in sides)
        {
            AssertRounds(result[$"replies/s {side}"]);
            // Every reply took some CPU and allocated something on either side; the warm-up round is left out.
            AssertRounds(result[$"CPU per reply, {side} run"]);
            Assert.True(result[$"allocated per reply, {side} run"].Value > 0, side);
            Assert.True(result[$"thread-pool work items per reply, {side} run"].Value > 0, side);
        }

        foreach (var measured in settings.Callers)
        {
            var ratio = result[$"replies/s {measured.Side()} ratio"];
            AssertRounds(ratio);
            Assert.Equal("x raw", ratio.Unit);
            Assert.Equal(measured == BenchCaller.Actor ? ">= 0.7" : ">= 0.6", ratio.Target);
            Assert.Equal(ratio.Value >= (measured == BenchCaller.Actor ? 0.7 : 0.6), ratio.Met);
        }
    }

    [Theory]
    [MemberData(nameof(TransportsAndCallers))]
    public async Task Latency_short_run_reports_each_caller_and_both_raw_clients_and_takes_ratios_to_the_one_with_the_lower_p50(
        bool tls, string caller)
    {
        var transport = tls ? BenchTransport.Tls : BenchTransport.Tcp;
        var settings = SmokeSettings.Over(transport, caller);
        var result = await LatencyScenario.RunAsync(settings, transport, default).OrTimeout(SmokeSettings.Bound);

        AssertCallers(settings, result);
        string[] rawClients = ["raw async", "raw blocking"];
        foreach (var client in settings.Callers.Select(c => c.Side()).Concat(rawClients))
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
        foreach (var measured in settings.Callers.Select(c => c.Side()))
        {
            foreach (var label in new[] { "p50", "p99", "p99.9" })
            {
                var ratio = result[$"{label} µs {measured} ratio"];
                AssertRounds(ratio);
                Assert.Equal($"x {baseline}", ratio.Unit);
            }

            Assert.Equal("<= 1.3", result[$"p50 µs {measured} ratio"].Target);
            Assert.Equal("<= 1.5", result[$"p99 µs {measured} ratio"].Target);
            Assert.NotNull(result[$"p50 µs {measured} ratio"].Met);
            Assert.NotNull(result[$"p99 µs {measured} ratio"].Met);
        }
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

    [Theory]
    [InlineData("actor")]
    [InlineData("stream")]
    [InlineData("callback")]
    public async Task FanOut_short_run_delivers_events_to_every_subscriber_on_both_sides(string word)
    {
        var kind = Enum.GetValues<FanOutSubscriber>().Single(k => k.Word() == word);
        var result = await FanOutScenario.RunAsync(SmokeSettings.Over(BenchTransport.Tcp), 2, null, kind, default).OrTimeout(SmokeSettings.Bound);

        // Events on the gateway side mean the flood server answered the session's whole handshake and the publisher
        // carried the spots to the subscribers, whichever way they take them.
        Assert.Contains($"{kind.Word()} subscribers", result.Variant, StringComparison.Ordinal);
        AssertSideBySide(result, "events/s");
        Assert.True(result["gateway catching up after the flood"].Value >= 0);
        Assert.True(result["events the subscribers lost (queue full)"].Value >= 0);
    }

    [Fact]
    public async Task FanOut_paced_run_delivers_no_faster_than_offered_and_judges_the_losses()
    {
        const int offered = 20_000;
        var result = await FanOutScenario.RunAsync(SmokeSettings.Over(BenchTransport.Tcp), 2, offered, FanOutSubscriber.Actor, default)
            .OrTimeout(SmokeSettings.Bound);

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

    /// <summary>The result names the callers it measured, and no figure speaks of another.</summary>
    internal static void AssertCallers(BenchSettings settings, ScenarioResult result)
    {
        Assert.Equal(settings.Callers.Select(c => c.Word()), result.Callers);
        foreach (var absent in Enum.GetValues<BenchCaller>().Except(settings.Callers))
        {
            Assert.DoesNotContain(result.Measurements, m => m.Name.Contains(absent.Side(), StringComparison.Ordinal));
        }
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
