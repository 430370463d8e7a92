using System.Diagnostics;
using System.Globalization;
using ActorGateway.Protocol.Messages;
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
        var quiet = await TimedRoundsAsync(server, Rounds);

        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hogs = Enumerable.Range(0, Hogs).Select(_ => BadClient.HogAsync(server, HogBytes, release.Task)).ToList();
        var clock = Stopwatch.StartNew();
        var storm = StormAsync(server, StormSize);
        var peak = (Buffers: 0L, Heap: 0L);
        var stormy = new List<TimeSpan>();
        do
        {
            stormy.AddRange(await TimedRoundsAsync(server, 1));
            peak = (Math.Max(peak.Buffers, server.InboundBufferBytes), Math.Max(peak.Heap, GC.GetTotalMemory(false)));
        }
        while (!storm.IsCompleted || stormy.Count < Rounds);

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
            + $"inbound buffers peak {peak.Buffers / 1024} KiB, after {server.InboundBufferBytes} B; "
            + $"managed heap (whole test process) peak {peak.Heap >> 20} MiB, after a full GC {heapAfter >> 20} MiB"));
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

    // A whole session per round, as a strategy restarting would: TLS handshake, application and account auth, a version
    // and the symbol list.
    private static async Task<List<TimeSpan>> TimedRoundsAsync(SimulatorServer server, int rounds)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < rounds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await using var client = await RawClient.ConnectAsync(server);
            await client.SendAsync(SimulatorHost.AppAuth(), "app");
            await client.ExpectAsync<ProtoOAApplicationAuthRes>("app");
            await client.SendAsync(SimulatorHost.AccountAuth(SimulatorHost.Demo1), "acct");
            await client.ExpectAsync<ProtoOAAccountAuthRes>("acct");
            await client.SendAsync(new ProtoOAVersionReq(), "v");
            await client.ExpectAsync<ProtoOAVersionRes>("v");
            await client.SendAsync(new ProtoOASymbolsListReq { CtidTraderAccountId = SimulatorHost.Demo1 }, "s");
            Assert.NotEmpty((await client.ExpectAsync<ProtoOASymbolsListRes>("s")).Symbol);
            times.Add(Stopwatch.GetElapsedTime(started));
        }

        return times;
    }

    private static int Setting(string variable, int fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static double Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2).TotalMilliseconds;
}
