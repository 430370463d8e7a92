using System.Diagnostics;
using ActorGateway.Protocol.Messages;

namespace ActorGateway.Cli.Bench;

/// <summary>VersionReq → VersionRes throughput with a window of requests in flight, gateway against raw on one server.</summary>
internal static class PipelinedScenario
{
    public const string Name = "pipelined";

    public static async Task<ScenarioResult> RunAsync(BenchSettings settings, BenchTransport transport, CancellationToken cancellationToken)
    {
        var session = await BenchSession.StartAsync(transport, cancellationToken).ConfigureAwait(false);
        double[] gatewayRounds, rawRounds;
        await using (session.ConfigureAwait(false))
        {
            (gatewayRounds, rawRounds) = await SideBySide.RunAsync(settings,
                duration => MeasureAsync(duration, stopAt => GatewayAsync(session.Gateway, settings.Window, stopAt, cancellationToken)),
                duration => MeasureAsync(duration, stopAt => session.Raw.RunPipelinedAsync(settings.Window, stopAt, cancellationToken)))
                .ConfigureAwait(false);
        }

        var figures = SideBySide.Describe("replies/s", "1/s", gatewayRounds, rawRounds);
        figures[2] = figures[2].AtLeast(0.7);
        return new ScenarioResult(Name, $"{transport}, W={settings.Window}", figures);
    }

    private static async Task<double> MeasureAsync(TimeSpan duration, Func<long, Task<long>> run)
    {
        var start = Stopwatch.GetTimestamp();
        var replies = await run(start + (long)(duration.TotalSeconds * Stopwatch.Frequency)).ConfigureAwait(false);
        return replies / Statistics.Seconds(start, Stopwatch.GetTimestamp());
    }

    private static async Task<long> GatewayAsync(GatewayClient client, int window, long stopAt, CancellationToken cancellationToken)
    {
        var workers = new Task<long>[window];
        for (var i = 0; i < window; i++)
        {
            workers[i] = WorkerAsync(client, stopAt, cancellationToken);
        }

        return (await Task.WhenAll(workers).ConfigureAwait(false)).Sum();
    }

    private static async Task<long> WorkerAsync(GatewayClient client, long stopAt, CancellationToken cancellationToken)
    {
        var request = new ProtoOAVersionReq();
        long replies = 0;
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            await client.AskAsync<ProtoOAVersionRes>(request, cancellationToken: cancellationToken).ConfigureAwait(false);
            replies++;
        }

        return replies;
    }
}
