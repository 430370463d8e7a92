using System.Diagnostics;
using System.Globalization;
using ActorGateway.Simulator.Inbound;
using ActorGateway.Simulator.Tests.Support;
using ActorGateway.TestKit;
using Xunit.Abstractions;

namespace ActorGateway.Simulator.Tests;

/// <summary>
/// A storm of bad TLS connections (garbage envelopes, 4 GiB prefixes, malformed payloads, handshakes never started,
/// unauthenticated bursts, and partial frames held open against the budget) while a well-behaved client keeps opening
/// sessions and making requests. Timings are printed, never asserted: the machine is shared. Bounded in count (200 bad
/// connections and 16 hogs of 48 KiB against a 256 KiB budget; <c>ACTORGATEWAY_STORM_CONNECTIONS</c>,
/// <c>ACTORGATEWAY_STORM_HOGS</c> and <c>ACTORGATEWAY_STORM_HOG_BYTES</c> for a heavier run, which then uses the default
/// 64 MiB budget) and in time. The bad connections come from a child process (<see cref="StormProcess"/>);
/// <c>ACTORGATEWAY_STORM_IN_PROCESS=1</c> runs them in this one to compare, and <c>ACTORGATEWAY_STORM_HANDSHAKES</c> sets
/// the server's handshake gate.
/// </summary>
public sealed class ConnectionStormTests(ITestOutputHelper output)
{
    private const int Rounds = 10;
    private const int WarmUp = 3;
    private const int QuietRounds = 20;
    private const int Concurrency = 24;
    private const int SmallBudget = 256 * 1024;
    private const int MaxSessions = 10_000;

    private static int StormSize => Setting("ACTORGATEWAY_STORM_CONNECTIONS", 200);

    private static int HandshakeCap => Setting("ACTORGATEWAY_STORM_HANDSHAKES", new SimulatorOptions().MaxConcurrentHandshakes);

    private static bool InProcess => Environment.GetEnvironmentVariable("ACTORGATEWAY_STORM_IN_PROCESS") == "1";

    private static int Hogs => Setting("ACTORGATEWAY_STORM_HOGS", 16);

    private static int HogBytes => Setting("ACTORGATEWAY_STORM_HOG_BYTES", 48 * 1024);

    [Fact]
    public async Task A_well_behaved_client_completes_its_sessions_during_a_storm_and_the_memory_goes_back_after_it()
    {
        await using var host = await SimulatorHost.StartAsync(o =>
        {
            o.UseTls = true;
            o.MaxConnections = Hogs + 48;
            o.MaxConcurrentHandshakes = HandshakeCap;
            if (HogBytes <= 48 * 1024)
            {
                o.MaxBufferedFrameBytes = SmallBudget; // the hogs' 16 x 32 KiB beyond the free allowance do not all fit
            }
        });
        var server = host.Server;
        var target = StormTarget.Of(server);
        // The first sessions pay for JIT and the first handshake's set-up: warm up, then measure quiet sessions, half
        // before the storm and half after it, so a change in the shared machine's load shows in both figures alike.
        var quiet = await OnOwnThreadAsync(() => Enumerable.Range(0, WarmUp + QuietRounds).Select(_ => BlockingSession.Run(server))
            .Skip(WarmUp).ToList());
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;

        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hogs = Enumerable.Range(0, Hogs).Select(_ => BadClient.HogAsync(target, HogBytes, release.Task)).ToList();
        await using var storm = await StartStormAsync(target);
        var clock = Stopwatch.StartNew();
        var peakHeap = 0L;
        var sessions = await OnOwnThreadAsync(() =>
        {
            var times = new List<(TimeSpan Time, TimeSpan Handshake, bool InStorm)>();
            do
            {
                var time = BlockingSession.Run(server, out var handshake);
                times.Add((time, handshake, !storm.Report.IsCompleted));
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
            }
            while ((!storm.Report.IsCompleted || times.Count < Rounds) && times.Count < MaxSessions);
            return times;
        });

        var report = await storm.Report.OrTimeout(StormProgram.Deadline + TestTimeouts.Default);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        release.SetResult();
        await Task.WhenAll(hogs).OrTimeout();
        await server.WaitForConnectionCountAsync(0).OrTimeout();
        quiet.AddRange(await OnOwnThreadAsync(() => Enumerable.Range(0, QuietRounds).Select(_ => BlockingSession.Run(server)).ToList()));
        var refusedByBudget = host.Logs.Count(e => e.Contains("went over an inbound limit", StringComparison.Ordinal));
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var stormy = sessions.Where(s => s.InStorm).Select(s => s.Time).DefaultIfEmpty(sessions[0].Time).ToList();
        var stormyHandshakes = sessions.Where(s => s.InStorm).Select(s => s.Handshake).DefaultIfEmpty(sessions[0].Handshake).ToList();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"storm ({(InProcess ? "in the test process" : "from a process of its own")}): {report.Attempts} of {StormSize} bad "
            + $"connections ({Concurrency} at a time) in {report.Elapsed.TotalSeconds:F2} s: {report.Answered} answered, "
            + $"{report.Refused} refused, {report.Failed} failed; {Hogs} hogs, {refusedByBudget} closed over the frame budget; "
            + $"server: {server.RefusedConnections} reset at the connection cap; "
            + $"handshakes at once {HandshakeCap}, {server.RefusedHandshakes} reset with the queue full; "
            + $"well-behaved sessions: {quiet.Count} quiet, p50 {Percentile(quiet, 0.5):F1} ms, p99 {Percentile(quiet, 0.99):F1} ms; "
            + $"{stormy.Count} during the storm (of {sessions.Count}, {clock.Elapsed.TotalSeconds:F1} s), "
            + $"p50 {Percentile(stormy, 0.5):F1} ms, p99 {Percentile(stormy, 0.99):F1} ms, max {stormy.Max().TotalMilliseconds:F1} ms, "
            + $"p50 ratio {Percentile(stormy, 0.5) / Percentile(quiet, 0.5):F2}, of which connect and TLS handshake p50 "
            + $"{Percentile(stormyHandshakes, 0.5):F1} ms, p99 {Percentile(stormyHandshakes, 0.99):F1} ms; "
            + $"inbound buffers peak {server.PeakInboundBufferBytes / 1024} KiB, after {server.InboundBufferBytes} B; "
            + $"managed heap (test process) peak {peakHeap >> 20} MiB, after a full GC {heapAfter >> 20} MiB; "
            + $"CPU of the test process during the storm {cpu.TotalSeconds:F2} s, {cpu.TotalMilliseconds / report.Attempts:F2} ms per bad connection"));
        Assert.True(report.Failed == 0, string.Join(Environment.NewLine, report.FailureSamples));
        Assert.Equal(StormSize, report.Attempts);
        Assert.True(sessions.Count >= Rounds);
        Assert.True(refusedByBudget > 0 || Hogs * (HogBytes - FrameBudget.FreePerConnection) <= SmallBudget,
            "the hogs wanted more than the budget, so some must have been closed");
        Assert.Equal(0, server.InboundBufferBytes);
        Assert.Equal(0, server.ReservedFrameBytes);
    }

    // From a child process by default, so the storm's handshakes and tasks do not run on the server's thread pool;
    // ACTORGATEWAY_STORM_IN_PROCESS=1 runs it in this process instead, to compare.
    private static async Task<IStorm> StartStormAsync(StormTarget target)
    {
        if (InProcess)
        {
            return new InProcessStorm(StormGenerator.RunAsync(target, StormSize, Concurrency, StormProgram.Deadline));
        }

        var storm = StormProcess.Start(target, StormSize, Concurrency);
        await storm.Started.OrTimeout(TestTimeouts.Dilated(TimeSpan.FromSeconds(60)));
        return storm;
    }

    // The well-behaved client runs its blocking sessions on a thread of its own, out of the storm's thread pool.
    private static Task<T> OnOwnThreadAsync<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            .OrTimeout(TestTimeouts.Dilated(TimeSpan.FromSeconds(120)));

    private static int Setting(string variable, int fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static double Percentile(List<TimeSpan> times, double rank) =>
        times.Order().ElementAt((int)Math.Min(times.Count - 1, Math.Floor(times.Count * rank))).TotalMilliseconds;
}
