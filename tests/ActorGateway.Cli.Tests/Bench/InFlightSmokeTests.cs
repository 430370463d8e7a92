using ActorGateway.Cli.Bench;
using ActorGateway.TestKit;

namespace ActorGateway.Cli.Tests.Bench;

/// <summary>
/// The in-flight scenario measures the whole process's heap before and after holding its requests, so it runs with no
/// other test beside it: another test freeing memory meanwhile once made the growth come out negative.
/// </summary>
[Collection(HeapMeasuredAlone.Name)]
public sealed class InFlightSmokeTests
{
    [Theory]
    [MemberData(nameof(ScenarioSmokeTests.TransportsAndCallers), MemberType = typeof(ScenarioSmokeTests))]
    public async Task InFlight_short_run_reports_bytes_per_held_request_for_each_caller(bool tls, string caller)
    {
        var transport = tls ? BenchTransport.Tls : BenchTransport.Tcp;
        var settings = SmokeSettings.Over(transport, caller);
        var result = await InFlightScenario.RunAsync(settings, transport, default).OrTimeout(SmokeSettings.Bound);

        ScenarioSmokeTests.AssertCallers(settings, result);
        foreach (var measured in settings.Callers)
        {
            var perRequest = result[$"{measured.Side()} per in-flight request"];
            // Each held request keeps at least its own record and its entry in the connection's table.
            Assert.True(perRequest.Value > 0, $"{perRequest.Name} {perRequest.Value} B");
            Assert.Equal(perRequest.Value <= 300, perRequest.Met);
            Assert.True(double.IsFinite(result[$"heap growth {measured.Side()}"].Value), measured.Side());
        }

        Assert.Equal(settings.Callers.Contains(BenchCaller.Task),
            result.Measurements.Any(m => m.Name == "same, each with a cancellable token"));
    }
}
