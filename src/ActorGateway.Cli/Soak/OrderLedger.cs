using System.Collections.Concurrent;

namespace ActorGateway.Cli.Soak;

/// <summary>One order the soak sent, what its call said, and what a reconcile found when the call could not say.</summary>
internal sealed class OrderEntry(string label, long accountId, OrderVerdict verdict)
{
    private int _found = -1;

    public string Label { get; } = label;

    public long AccountId { get; } = accountId;

    public OrderVerdict Verdict { get; } = verdict;

    /// <summary>For an unknown order: whether the reconcile found it executed; null until resolved.</summary>
    public bool? ExecutedByReconcile => Volatile.Read(ref _found) switch
    {
        0 => false,
        1 => true,
        _ => null,
    };

    public void Resolve(bool executed) => Volatile.Write(ref _found, executed ? 1 : 0);
}

/// <summary>Every order the soak sent, by label.</summary>
internal sealed class OrderLedger
{
    private readonly ConcurrentDictionary<string, OrderEntry> _orders = new(StringComparer.Ordinal);

    public IReadOnlyCollection<OrderEntry> Entries => [.. _orders.Values];

    /// <summary>The new entry; null when the label is already there (its call completed twice, which the tally counts).</summary>
    public OrderEntry? Record(string label, long accountId, OrderVerdict verdict)
    {
        var entry = new OrderEntry(label, accountId, verdict);
        return _orders.TryAdd(label, entry) ? entry : null;
    }

    public bool Contains(string label) => _orders.ContainsKey(label);
}
