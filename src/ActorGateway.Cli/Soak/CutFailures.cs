using System.Collections.Concurrent;

namespace ActorGateway.Cli.Soak;

/// <summary>
/// Failed requests counted by outcome under the kind of the cut that came last before they ended. Cuts wait for the
/// session's restore after the one before, so almost every failure belongs to the cut it is counted under.
/// </summary>
internal sealed class CutFailures
{
    private readonly ConcurrentDictionary<(CutKind Kind, string Outcome), long> _counts = new();

    public void Add(CutKind kind, Exception error) =>
        _counts.AddOrUpdate((kind, SoakOutcome.Name(error)), 1, static (_, count) => count + 1);

    /// <summary>The outcomes after cuts of <paramref name="kind"/>, by name.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> After(CutKind kind) =>
        [.. _counts.Where(p => p.Key.Kind == kind).OrderBy(p => p.Key.Outcome, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key.Outcome, p.Value))];
}
