using System.Diagnostics;

namespace ActorGateway.Cli.Cluster;

/// <summary>
/// The soak's faults, one after the other while the load runs: first the kills, then the freezes, fault <c>j</c> of
/// <c>F</c> due <c>(j+1)/(F+2)</c> of the way into the load and never before the cluster recovered from the one before.
/// Keep-majority downing needs that order: a second node failing before the first was removed could leave no majority.
/// A killed node is started again once it was removed, as its supervisor would, and the next fault waits until it is up:
/// each fault then meets the full cluster. Without that, 3 nodes less a kill and a freeze leave one account node and the
/// client, and any pause of either splits them 1:1, which keep-majority settles by address, not by who holds the accounts.
/// Victims are the nodes in order (node-1, the first seed and so the oldest, first).
/// </summary>
internal sealed class ClusterFaults(ClusterSoakSettings settings, ClusterNodeHost client, ClusterView view, SoakTimeline timeline,
    Func<NodeProcess, NodeProcess> restart)
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
        var accounts = await PlacedAccountsAsync(address).ConfigureAwait(false);
        var placed = accounts.Count > 0;
        if (!placed)
        {
            // The coordinator's statistics did not say (a region slow to answer them under load): probe every account,
            // which includes the victim's, so the figure is an upper bound rather than missing.
            accounts = settings.AccountIds;
        }

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
            + $"{(placed ? $"{accounts.Count} accounts" : "its accounts unknown: probing all")})");
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
        TimeSpan? rejoined = null;
        if (kind == FaultKind.Kill)
        {
            rejoined = await RestartAsync(victim, started, cancellationToken).ConfigureAwait(false);
        }
        else
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

        return new FaultRecord(kind, victim.Name, victim.Pid, address, oldest, placed ? accounts.Count : 0, at, answers, removed, exited, rejoined);
    }

    /// <summary>The accounts on <paramref name="address"/>, asked again a few times while the statistics come back empty.</summary>
    private async Task<IReadOnlyList<long>> PlacedAccountsAsync(string address)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                var accounts = await view.AccountsOnAsync(address, settings.AccountIds, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
                if (accounts.Count > 0)
                {
                    return accounts;
                }
            }
            catch (Akka.Actor.AskTimeoutException)
            {
                // Asked again below.
            }
        }

        return [];
    }

    /// <summary>Starts the killed node again and waits until every account node is up; the time from the kill, or null.</summary>
    private async Task<TimeSpan?> RestartAsync(NodeProcess killed, long killedAt, CancellationToken cancellationToken)
    {
        var again = restart(killed);
        timeline.Mark($"{again.Name} started again (pid {again.Pid})");
        try
        {
            await again.Up.WaitAsync(settings.FormationBound, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            timeline.Mark($"{again.Name} did not come up again: {e.Message}");
            return null;
        }

        if (!await view.WaitForAsync(v => v.UpAccountNodes().Count == settings.Nodes, settings.FormationBound, cancellationToken)
            .ConfigureAwait(false))
        {
            timeline.Mark($"{again.Name} did not rejoin within {settings.FormationBound.TotalSeconds:0} s");
            return null;
        }

        var rejoined = Stopwatch.GetElapsedTime(killedAt);
        timeline.Mark($"{again.Name} rejoined: {settings.Nodes} account nodes up again, {rejoined.TotalSeconds:0.00} s after the kill");
        return rejoined;
    }
}
