using System.Diagnostics;
using ActorGateway.Protocol.Messages;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// VersionReq → VersionRes throughput with a window of requests in flight on one server: the gateway called by an
/// actor and by Task-based code (or either), against the raw client.
/// </summary>
internal static class PipelinedScenario
{
    public const string Name = "pipelined";

    public static async Task<ScenarioResult> RunAsync(BenchSettings settings, BenchTransport transport, CancellationToken cancellationToken)
    {
        var session = await BenchSession.StartAsync(transport, cancellationToken).ConfigureAwait(false);
        Side[] callers, sides;
        double[][] rounds;
        await using (session.ConfigureAwait(false))
        {
            callers = [.. settings.Callers.Select(caller => caller == BenchCaller.Actor
                ? ActorCaller(session, settings.Window, cancellationToken)
                : TaskCaller(session.Gateway, settings.Window, cancellationToken))];
            var raw = new Side("raw", null, stopAt => session.Raw.RunPipelinedAsync(settings.Window, stopAt, cancellationToken));
            sides = [.. callers, raw];
            rounds = await SideBySide.RunAsync(settings, [.. sides.Select(side => side.Round)]).ConfigureAwait(false);
        }

        var rawRounds = rounds[^1];
        var figures = new List<Measurement>();
        figures.AddRange(sides.Select((side, i) => Measurement.Of($"replies/s {side.Name}", "1/s", rounds[i])));
        figures.AddRange(callers.Select((side, i) =>
            Measurement.Of($"replies/s {side.Name} ratio", "x raw", Statistics.Ratios(rounds[i], rawRounds)).AtLeast(Target(side.Caller!.Value))));
        // Costs are those of the whole process, the in-process simulator's included; the difference is the client's.
        figures.AddRange(sides.Select(side => Measurement.Of($"allocated per reply, {side.Name} run", "B", side.Costs.Allocated[1..])));
        figures.AddRange(sides.Select(side =>
            Measurement.Of($"thread-pool work items per reply, {side.Name} run", "items", side.Costs.WorkItems[1..])));
        figures.AddRange(sides.Select(side => Measurement.Of($"CPU per reply, {side.Name} run", "us", side.Costs.Cpu[1..])));
        return new ScenarioResult(Name, $"{transport}, W={settings.Window}", figures)
        {
            Callers = [.. settings.Callers.Select(caller => caller.Word())],
        };
    }

    /// <summary>The floor for a caller's throughput as a share of the raw client's.</summary>
    private static double Target(BenchCaller caller) => caller == BenchCaller.Actor ? 0.7 : 0.6;

    /// <summary>An actor in the session's system keeping the window in flight with Tells.</summary>
    private static Side ActorCaller(BenchSession session, int window, CancellationToken cancellationToken)
    {
        var actor = session.System.ActorOf(PipelinedActor.Props(session.Gateway.Gateway), "pipelined-caller");
        return new Side(BenchCaller.Actor.Side(), BenchCaller.Actor,
            stopAt => PipelinedActor.RunAsync(actor, window, stopAt, cancellationToken));
    }

    /// <summary>A worker task per request in flight, each awaiting one <c>AskAsync</c> after another.</summary>
    private static Side TaskCaller(GatewayClient client, int window, CancellationToken cancellationToken) =>
        new(BenchCaller.Task.Side(), BenchCaller.Task, stopAt => GatewayAsync(client, window, stopAt, cancellationToken));

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

    /// <summary>
    /// One client of the run: the figures' name for it, the caller it stands for (null for the raw client), and how it
    /// runs until a Stopwatch timestamp, returning its replies.
    /// </summary>
    private sealed record Side(string Name, BenchCaller? Caller, Func<long, Task<long>> Run)
    {
        public RoundCosts Costs { get; } = new();

        public Func<TimeSpan, Task<double>> Round => duration => MeasureAsync(duration, Costs, Run);
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
