namespace ActorGateway.Cli.Soak;

/// <summary>What the server executed, and the order figures that follow from it.</summary>
internal sealed record OrderFigures
{
    public long Sent { get; init; }
    public long Succeeded { get; init; }
    public long Failed { get; init; }
    public long Unknown { get; init; }
    public long UnknownResolvedByReconcile { get; init; }
    public long UnknownFoundExecuted { get; init; }
    public long UnknownFoundNotExecuted { get; init; }
    public long ExecutedTwice { get; init; }
    public long SuccessButNotExecuted { get; init; }
    public long FailedButExecuted { get; init; }
    public long ReconcileVerdictWrong { get; init; }
    public long ExecutionsWithoutOrder { get; init; }
    public long Executions { get; init; }
}

/// <summary>
/// Counts the server's executions per label, once everything has ended, through a session straight to the simulator:
/// every market order that executed opened one position carrying its label, and nothing in a soak closes positions,
/// so the positions of the accounts are the executions. Then sets them against what each order call said. Both soaks use
/// it: the single-gateway one and the cluster one, each with its own accounts and label prefix.
/// </summary>
internal static class SoakAudit
{
    public static async Task<OrderFigures> RunAsync(SoakExchange exchange, OrderLedger ledger, string run, TimeSpan requestTimeout)
    {
        var auditor = exchange.OpenAuditor(requestTimeout);
        await using (auditor.ConfigureAwait(false))
        {
            return await CountAsync(auditor, SoakExchange.Accounts, ledger, SoakWorkload.LabelOf(run, 0)[..^1]).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads the positions of <paramref name="accounts"/> through <paramref name="auditor"/> (a session straight to the
    /// simulator) and sets the executions of labels starting with <paramref name="labelPrefix"/> against the ledger.
    /// </summary>
    public static async Task<OrderFigures> CountAsync(IGatewayRequester auditor, IEnumerable<long> accounts, OrderLedger ledger,
        string labelPrefix)
    {
        ArgumentNullException.ThrowIfNull(auditor);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(ledger);
        var executions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            var snapshot = await auditor.ReconcileAsync(account).ConfigureAwait(false);
            foreach (var label in snapshot.Position.Select(p => p.TradeData.Label))
            {
                executions[label] = executions.GetValueOrDefault(label) + 1;
            }
        }

        var orders = ledger.Entries;
        long Count(Func<OrderEntry, bool> predicate) => orders.LongCount(predicate);
        int Executed(OrderEntry order) => executions.GetValueOrDefault(order.Label);
        return new OrderFigures
        {
            Sent = orders.Count,
            Succeeded = Count(o => o.Verdict == OrderVerdict.Succeeded),
            Failed = Count(o => o.Verdict == OrderVerdict.Failed),
            Unknown = Count(o => o.Verdict == OrderVerdict.Unknown),
            UnknownResolvedByReconcile = Count(o => o.Verdict == OrderVerdict.Unknown && o.ExecutedByReconcile is not null),
            UnknownFoundExecuted = Count(o => o.Verdict == OrderVerdict.Unknown && o.ExecutedByReconcile == true),
            UnknownFoundNotExecuted = Count(o => o.Verdict == OrderVerdict.Unknown && o.ExecutedByReconcile == false),
            ExecutedTwice = executions.Count(pair => pair.Key.StartsWith(labelPrefix, StringComparison.Ordinal) && pair.Value > 1),
            SuccessButNotExecuted = Count(o => o.Verdict == OrderVerdict.Succeeded && Executed(o) == 0),
            FailedButExecuted = Count(o => o.Verdict == OrderVerdict.Failed && Executed(o) > 0),
            ReconcileVerdictWrong = Count(o => o.ExecutedByReconcile is { } found && found != Executed(o) > 0),
            ExecutionsWithoutOrder = executions.Keys.Count(label => label.StartsWith(labelPrefix, StringComparison.Ordinal) && !ledger.Contains(label)),
            Executions = executions.Where(pair => pair.Key.StartsWith(labelPrefix, StringComparison.Ordinal)).Sum(pair => (long)pair.Value),
        };
    }
}
