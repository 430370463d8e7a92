using System.Collections.Concurrent;
using System.Diagnostics;

namespace ActorGateway.Simulator.Tests.Support;

/// <summary>
/// Runs <see cref="BadClient"/>s against a target, a fixed number at a time, and counts what they saw. Bounded in count
/// and in time: no new client starts after the deadline, and each client's own waits are bounded.
/// </summary>
internal static class StormGenerator
{
    private const int FailuresKept = 5;

    public static async Task<StormReport> RunAsync(StormTarget target, int count, int concurrency, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        using var slots = new SemaphoreSlim(concurrency);
        var answered = 0;
        var refused = 0;
        var attempts = 0;
        var failures = new ConcurrentQueue<string>();
        var failed = 0;
        var clients = Enumerable.Range(0, count).Select(async index =>
        {
            await slots.WaitAsync();
            try
            {
                if (clock.Elapsed > deadline)
                {
                    return;
                }

                Interlocked.Increment(ref attempts);
                if (await BadClient.RunAsync(target, index))
                {
                    Interlocked.Increment(ref answered);
                }
                else
                {
                    Interlocked.Increment(ref refused);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                if (Interlocked.Increment(ref failed) <= FailuresKept)
                {
                    failures.Enqueue($"bad client {index} (kind {index % BadClient.Kinds}): {e.GetType().Name}: {e.Message}");
                }
            }
            finally
            {
                slots.Release();
            }
        });
        await Task.WhenAll(clients);
        return new StormReport(attempts, answered, refused, failed, clock.Elapsed) { FailureSamples = [.. failures] };
    }
}
