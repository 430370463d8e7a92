using System.Diagnostics;

namespace ActorGateway.Cli.Cluster;

/// <summary>
/// The soak's faults, one after the other while the load runs: first the kills, then the freezes, fault <c>j</c> of
/// <c>F</c> due <c>(j+1)/(F+2)</c> of the way into the load and never before the cluster recovered from the one before.
/// Keep-majority downing needs that order: a second node failing before the first was removed could leave no majority.
/// Victims are the nodes in order (node-1, the first seed and so the oldest, first).
/// </summary>
internal sealed class ClusterFaults(ClusterSoakSettings settings, ClusterNodeHost client, ClusterView view, SoakTimeline timeline)
{
    public async Task<IReadOnlyList<FaultRecord>> RunAsync(IReadOnlyList<NodeProcess> nodes, long loadStarted,
        CancellationToken cancellationToken)
    {
        var faults = new List<FaultRecord>();
        var total = settings.Kills + settings.Freezes;
        for (var j = 0; j < total; j++)
        {
            var due = settings.Duration * (j + 1) / (total + 2) - Stopwatch.GetElapsedTime(loadStarted);
            if (due > TimeSpan.Zero)
            {
                // A point in the run's schedule, not a wait for something to happen.
                await Task.Delay(due, cancellationToken).ConfigureAwait(false);
            }

            var kind = j < settings.Kills ? FaultKind.Kill : FaultKind.Freeze;
            faults.Add(await FaultAsync(kind, nodes[j], cancellationToken).ConfigureAwait(false));
        }

        return faults;
    }

    private async Task<FaultRecord> FaultAsync(FaultKind kind, NodeProcess victim, CancellationToken cancellationToken)
    {
        var address = await victim.Up.ConfigureAwait(false);
        var accounts = await view.AccountsOnAsync(address, settings.AccountIds, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        var oldest = view.IsOldest(address);
        var at = timeline.Now;
        var started = Stopwatch.GetTimestamp();
        if (kind == FaultKind.Kill)
        {
            victim.Kill();
        }
        else
        {
            victim.Freeze();
        }

        timeline.Mark($"{(kind == FaultKind.Kill ? "kill -9" : "SIGSTOP")} {victim.Name} (pid {victim.Pid}, {(oldest ? "oldest" : "not oldest")}, "
            + $"{accounts.Count} accounts)");
        var answers = await AnswerProbe.AllAnswerAsync(client.Accounts, accounts, started, settings.RecoveryBound, cancellationToken)
            .ConfigureAwait(false);
        timeline.Mark(answers is { } a
            ? $"{victim.Name}'s {accounts.Count} accounts answer again from the others after {a.TotalSeconds:0.00} s"
            : $"{victim.Name}'s accounts did NOT all answer again within {settings.RecoveryBound.TotalSeconds:0} s");
        var removed = await view.WaitForAsync(v => !v.IsMember(address), settings.RecoveryBound, cancellationToken).ConfigureAwait(false)
            ? Stopwatch.GetElapsedTime(started)
            : (TimeSpan?)null;
        timeline.Mark(removed is { } r ? $"{victim.Name} removed from the membership after {r.TotalSeconds:0.00} s"
            : $"{victim.Name} still a member after {settings.RecoveryBound.TotalSeconds:0} s");

        TimeSpan? exited = null;
        if (kind == FaultKind.Freeze)
        {
            victim.Thaw();
            var thawed = Stopwatch.GetTimestamp();
            timeline.Mark($"SIGCONT {victim.Name}");
            // Downed while frozen, the node learns it on waking and ends by itself; one that does not is killed at the end.
            if (await victim.ExitedWithinAsync(settings.RecoveryBound).ConfigureAwait(false))
            {
                exited = Stopwatch.GetElapsedTime(thawed);
                timeline.Mark($"{victim.Name} ended by itself {exited.Value.TotalSeconds:0.00} s after SIGCONT");
            }
        }

        return new FaultRecord(kind, victim.Name, victim.Pid, address, oldest, accounts.Count, at, answers, removed, exited);
    }
}
