using ActorGateway.Cli.Soak;

namespace ActorGateway.Cli.Cluster;

/// <summary>The kinds of fault the soak makes.</summary>
internal enum FaultKind
{
    /// <summary>SIGKILL: the node is gone at once, without leaving.</summary>
    Kill,

    /// <summary>SIGSTOP, then SIGCONT once its accounts answered from the other nodes.</summary>
    Freeze,
}

/// <summary>
/// One fault: which node, whether it was the oldest (it ran the shard coordinator), how many accounts it ran, when it
/// came (seconds from the start), and how long until its accounts answered again from the others, until it left the
/// membership, for a freeze until the thawed process ended by itself, and for a kill until the node started again had
/// rejoined. Null: not within the bound.
/// </summary>
internal sealed record FaultRecord(FaultKind Kind, string Node, int Pid, string Address, bool Oldest, int Accounts, double AtS,
    TimeSpan? AnswersAgain, TimeSpan? Removed, TimeSpan? ThawedNodeExited, TimeSpan? Rejoined);

/// <summary>A node process the soak started, and whether it was gone at the end.</summary>
internal sealed record ProcessRecord(string Node, int Pid, string Address, bool GoneAtEnd);

/// <summary>What the load did, counted by the client node.</summary>
internal sealed record LoadFigures(long Sent, long Answered, long Ended, long Untyped, long Fenced, long OrderAttempts,
    IReadOnlyList<KeyValuePair<string, long>> FailedTyped, TimeSpan Duration)
{
    /// <summary>Asks that never ended, not even with a failure: the figure that must be 0.</summary>
    public long Unanswered => Sent - Ended;
}

/// <summary>Everything one cluster soak measured, for the report.</summary>
internal sealed record ClusterSoakResult(
    ClusterSoakSettings Settings,
    string Run,
    TimeSpan Formation,
    TimeSpan FirstAskAll,
    IReadOnlyList<FaultRecord> Faults,
    LoadFigures Load,
    OrderFigures Orders,
    IReadOnlyList<ProcessRecord> Processes,
    IReadOnlyList<(double At, string What)> Timeline);
