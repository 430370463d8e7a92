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
        var gatewayCost = new RoundCosts();
        var rawCost = new RoundCosts();
        await using (session.ConfigureAwait(false))
        {
            (gatewayRounds, rawRounds) = await SideBySide.RunAsync(settings,
                duration => MeasureAsync(duration, gatewayCost,
                    stopAt => GatewayAsync(session.Gateway, settings.Window, stopAt, cancellationToken)),
                duration => MeasureAsync(duration, rawCost,
                    stopAt => session.Raw.RunPipelinedAsync(settings.Window, stopAt, cancellationToken)))
                .ConfigureAwait(false);
        }

        var figures = SideBySide.Describe("replies/s", "1/s", gatewayRounds, rawRounds);
        figures[2] = figures[2].AtLeast(0.7);
        // Costs are those of the whole process, the in-process simulator's included; the difference is the client's.
        return new ScenarioResult(Name, $"{transport}, W={settings.Window}",
        [
            .. figures,
            Measurement.Of("allocated per reply, gateway run", "B", gatewayCost.Allocated[1..]),
            Measurement.Of("allocated per reply, raw run", "B", rawCost.Allocated[1..]),
            Measurement.Of("thread-pool work items per reply, gateway run", "items", gatewayCost.WorkItems[1..]),
            Measurement.Of("thread-pool work items per reply, raw run", "items", rawCost.WorkItems[1..]),
            Measurement.Of("CPU per reply, gateway run", "us", gatewayCost.Cpu[1..]),
            Measurement.Of("CPU per reply, raw run", "us", rawCost.Cpu[1..]),
        ]);
    }

    private static async Task<double> MeasureAsync(TimeSpan duration, RoundCosts costs, Func<long, Task<long>> run)
    {
        var allocated = GC.GetTotalAllocatedBytes();
        var workItems = ThreadPool.CompletedWorkItemCount;
        var cpu = Environment.CpuUsage.TotalTime;
        var start = Stopwatch.GetTimestamp();
        var replies = await run(start + (long)(duration.TotalSeconds * Stopwatch.Frequency)).ConfigureAwait(false);
        var seconds = Statistics.Seconds(start, Stopwatch.GetTimestamp());
        costs.Allocated.Add((GC.GetTotalAllocatedBytes() - allocated) / (double)replies);
        costs.WorkItems.Add((ThreadPool.CompletedWorkItemCount - workItems) / (double)replies);
        costs.Cpu.Add((Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / replies);
        return replies / seconds;
    }

    /// <summary>What each round cost per reply, beyond its time: the warm-up round first.</summary>
    private sealed class RoundCosts
    {
        public List<double> Allocated { get; } = [];

        public List<double> WorkItems { get; } = [];

        public List<double> Cpu { get; } = [];
    }

    private static async Task<long> GatewayAsync(GatewayClient client, int window, long stopAt, CancellationToken cancellationToken)
    {
        // One timer tells every worker to stop, so the workers do not each read the clock per request (the raw client
        // reads it once per batch of replies).
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Max(0, Statistics.Seconds(Stopwatch.GetTimestamp(), stopAt))));
        var workers = new Task<long>[window];
        for (var i = 0; i < window; i++)
        {
            workers[i] = WorkerAsync(client, stop.Token, cancellationToken);
        }

        return (await Task.WhenAll(workers).ConfigureAwait(false)).Sum();
    }

    private static async Task<long> WorkerAsync(GatewayClient client, CancellationToken stop, CancellationToken cancellationToken)
    {
        var request = new ProtoOAVersionReq();
        long replies = 0;
        while (!stop.IsCancellationRequested)
        {
            await client.AskAsync<ProtoOAVersionRes>(request, cancellationToken: cancellationToken).ConfigureAwait(false);
            replies++;
        }

        return replies;
    }
}
