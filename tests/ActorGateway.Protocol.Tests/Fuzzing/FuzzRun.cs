using System.Diagnostics;
using System.Globalization;

namespace ActorGateway.Protocol.Tests.Fuzzing;

/// <summary>
/// A run of consecutive cases of one seed, with what a report needs: how the cases ended, which error kinds they met,
/// the most any case allocated, and the first failures. Runs on a thread of its own so a test can bound it in time and
/// name the case it was stuck on.
/// </summary>
internal sealed class FuzzRun(int seed, int cases)
{
    private const int FailuresKept = 10;

    private volatile int _current = -1;

    public int Seed { get; } = seed;

    public int Cases { get; } = cases;

    /// <summary>The case being run now (for a report when the run is stuck).</summary>
    public int Current => _current;

    public Dictionary<string, int> Endings { get; } = [];

    public int Kinds { get; private set; }

    public long Messages { get; private set; }

    public List<string> Failures { get; } = [];

    /// <summary>The case that allocated the most, and the size of its input.</summary>
    public (long Bytes, int Index, int InputBytes) MostAllocated { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    public TimeSpan Slowest { get; private set; }

    /// <summary>
    /// What a case may allocate: a fixed allowance for the reader, exceptions and their messages (a parser failing 100
    /// levels deep captures a long stack trace: ~100 KB measured), plus a multiple of its input for the messages it decodes.
    /// Never anything that grows with a length the input merely announces (up to 4 GiB here).
    /// </summary>
    public static long AllocationBound(int inputBytes) => (256 * 1024) + (64L * inputBytes);

    public Task RunAsync() => Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"seed {Seed}, {Cases} cases in {Elapsed.TotalSeconds:F1} s ({Cases / Math.Max(Elapsed.TotalSeconds, 1e-3):F0}/s, slowest "
        + $"{Slowest.TotalMilliseconds:F1} ms), {Messages} messages decoded, endings {{{string.Join(", ", Endings.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value}"))}}}, "
        + $"most allocated {MostAllocated.Bytes} B by case {MostAllocated.Index} ({MostAllocated.InputBytes} bytes in), failures {Failures.Count}");

    private void Run()
    {
        var total = Stopwatch.StartNew();
        for (var i = 0; i < Cases; i++)
        {
            _current = i;
            var input = FrameMutator.Create(Seed, i);
            var started = Stopwatch.GetTimestamp();
            var outcome = FuzzHarness.Run(input);
            var took = Stopwatch.GetElapsedTime(started);
            Record(input, outcome, took);
        }

        Elapsed = total.Elapsed;
    }

    private void Record(FuzzCase input, FuzzOutcome outcome, TimeSpan took)
    {
        Endings[outcome.Ending] = Endings.GetValueOrDefault(outcome.Ending) + 1;
        Kinds |= outcome.Kinds;
        Messages += outcome.Messages;
        Slowest = took > Slowest ? took : Slowest;
        if (outcome.AllocatedBytes > MostAllocated.Bytes)
        {
            MostAllocated = (outcome.AllocatedBytes, input.Index, input.Stream.Length);
        }

        var failure = outcome.Failure
            ?? (outcome.AllocatedBytes > AllocationBound(input.Stream.Length)
                ? $"allocated {outcome.AllocatedBytes} bytes, above {AllocationBound(input.Stream.Length)}"
                : null);
        if (failure is not null && Failures.Count < FailuresKept)
        {
            Failures.Add($"seed {Seed}, {input}: {failure}");
        }
    }
}
