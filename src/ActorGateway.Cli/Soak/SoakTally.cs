using System.Collections.Concurrent;

namespace ActorGateway.Cli.Soak;

/// <summary>
/// How every request ended: counted once per request by its index, so a request that completed twice is caught rather
/// than counted twice, and the count of completed ones can be awaited.
/// </summary>
internal sealed class SoakTally(int requests)
{
    private readonly int[] _completions = new int[requests];
    private readonly long[] _byKind = new long[Enum.GetValues<SoakRequestKind>().Length];
    private readonly ConcurrentDictionary<string, long> _outcomes = new(StringComparer.Ordinal);
    private long _completedTwice;
    private long _untyped;

    public ProgressCounter Completed { get; } = new();

    public long CompletedTwice => Interlocked.Read(ref _completedTwice);

    /// <summary>Failures that were not one of the gateway's typed exceptions.</summary>
    public long Untyped => Interlocked.Read(ref _untyped);

    public void Record(int index, SoakRequestKind kind, Exception? error)
    {
        if (Interlocked.Increment(ref _completions[index]) > 1)
        {
            Interlocked.Increment(ref _completedTwice);
            return;
        }

        _outcomes.AddOrUpdate(SoakOutcome.Name(error), 1, static (_, count) => count + 1);
        Interlocked.Increment(ref _byKind[(int)kind]);
        if (SoakOutcome.IsUntyped(error))
        {
            Interlocked.Increment(ref _untyped);
        }

        Completed.Increment();
    }

    /// <summary>Completed requests of each kind.</summary>
    public IReadOnlyDictionary<SoakRequestKind, long> ByKind() =>
        Enum.GetValues<SoakRequestKind>().ToDictionary(kind => kind, kind => Interlocked.Read(ref _byKind[(int)kind]));

    /// <summary>Completed requests by outcome, the replies first and the rest by name.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Outcomes() =>
        [.. _outcomes.OrderBy(pair => pair.Key == SoakOutcome.Reply ? 0 : 1).ThenBy(pair => pair.Key, StringComparer.Ordinal)];
}
