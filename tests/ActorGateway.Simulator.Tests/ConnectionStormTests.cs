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
/// 64 MiB budget) and in time.
/// </summary>
public sealed class ConnectionStormTests(ITestOutputHelper output)
{
    private const int Rounds = 10;
    private const int Concurrency = 24;
    private const int SmallBudget = 256 * 1024;

    private static int StormSize => Setting("ACTORGATEWAY_STORM_CONNECTIONS", 200);

    private static int Hogs => Setting("ACTORGATEWAY_STORM_HOGS", 16);

    private static int HogBytes => Setting("ACTORGATEWAY_STORM_HOG_BYTES", 48 * 1024);

    [Fact]
    public async Task A_well_behaved_client_completes_its_sessions_during_a_storm_and_the_memory_goes_back_after_it()
    {
        await using var host = await SimulatorHost.StartAsync(o =>
        {
            o.UseTls = true;
            o.MaxConnections = Hogs + 48;
            if (HogBytes <= 48 * 1024)
            {
                o.MaxBufferedFrameBytes = SmallBudget; // the hogs' 16 x 32 KiB beyond the free allowance do not all fit
            }
        });
        var server = host.Server;
        var quiet = await OnOwnThreadAsync(() => Enumerable.Range(0, Rounds).Select(_ => BlockingSession.Run(server)).ToList());

        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hogs = Enumerable.Range(0, Hogs).Select(_ => BadClient.HogAsync(server, HogBytes, release.Task)).ToList();
        var clock = Stopwatch.StartNew();
        var storm = StormAsync(server, StormSize);
        var peakHeap = 0L;
        var stormy = await OnOwnThreadAsync(() =>
        {
            var times = new List<TimeSpan>();
            do
            {
                times.Add(BlockingSession.Run(server));
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
            }
            while (!storm.IsCompleted || times.Count < Rounds);
            return times;
        });

        await storm.OrTimeout(TestTimeouts.Dilated(TimeSpan.FromSeconds(60)));
        var stormTime = clock.Elapsed;
        release.SetResult();
        await Task.WhenAll(hogs).OrTimeout();
        await server.WaitForConnectionCountAsync(0).OrTimeout();
        var refusedByBudget = host.Logs.Count(e => e.Contains("went over an inbound limit", StringComparison.Ordinal));
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"storm: {StormSize} bad connections ({Concurrency} at a time) + {Hogs} hogs in {stormTime.TotalSeconds:F2} s, "
            + $"{server.RefusedConnections} reset at the cap, {refusedByBudget} closed over the frame budget; well-behaved sessions: {Rounds} quiet, p50 {Median(quiet):F1} ms, "
            + $"max {quiet.Max().TotalMilliseconds:F1} ms; {stormy.Count} in the storm, p50 {Median(stormy):F1} ms, "
            + $"max {stormy.Max().TotalMilliseconds:F1} ms, p50 ratio {Median(stormy) / Median(quiet):F2}; "
            + $"inbound buffers peak {server.PeakInboundBufferBytes / 1024} KiB, after {server.InboundBufferBytes} B; "
            + $"managed heap (whole test process) peak {peakHeap >> 20} MiB, after a full GC {heapAfter >> 20} MiB"));
        Assert.True(stormy.Count >= Rounds);
        Assert.True(refusedByBudget > 0 || Hogs * (HogBytes - FrameBudget.FreePerConnection) <= SmallBudget,
            "the hogs wanted more than the budget, so some must have been closed");
        Assert.Equal(0, server.InboundBufferBytes);
        Assert.Equal(0, server.ReservedFrameBytes);
    }

    private static async Task StormAsync(SimulatorServer server, int count)
    {
        using var slots = new SemaphoreSlim(Concurrency);
        var attacks = Enumerable.Range(0, count).Select(async i =>
        {
            await slots.WaitAsync();
            try
            {
                await BadClient.RunAsync(server, i);
            }
            finally
            {
                slots.Release();
            }
        });
        await Task.WhenAll(attacks);
    }

    // The well-behaved client runs its blocking sessions on a thread of its own, out of the storm's thread pool.
    private static Task<T> OnOwnThreadAsync<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            .OrTimeout(TestTimeouts.Dilated(TimeSpan.FromSeconds(120)));

    private static int Setting(string variable, int fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static double Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2).TotalMilliseconds;
}
