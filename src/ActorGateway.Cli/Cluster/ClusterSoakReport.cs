using System.Text.Json.Nodes;
using ActorGateway.Cli.Soak;

namespace ActorGateway.Cli.Cluster;

/// <summary>A cluster soak's figures as JSON (snake_case keys) and as a few lines for a person, and the counts that must be 0.</summary>
internal static class ClusterSoakReport
{
    public static IReadOnlyList<Invariant> Invariants(ClusterSoakResult r) =>
    [
        new("requests_unanswered", r.Load.Unanswered),
        new("orders_executed_twice", r.Orders.ExecutedTwice),
        new("requests_failed_untyped", r.Load.Untyped),
        new("faults_not_recovered", r.Faults.Count(f => f.AnswersAgain is null)),
        new("killed_nodes_not_rejoined", r.Faults.Count(f => f.Kind == FaultKind.Kill && f.Rejoined is null)),
        new("processes_left_running", r.Processes.Count(p => !p.GoneAtEnd)),
    ];

    /// <summary>The slowest recovery of the faults of <paramref name="kind"/>, in seconds; null if none was made or one never recovered.</summary>
    public static double? Failover(ClusterSoakResult r, FaultKind kind)
    {
        var faults = r.Faults.Where(f => f.Kind == kind).ToList();
        return faults.Count == 0 || faults.Any(f => f.AnswersAgain is null)
            ? null
            : Math.Round(faults.Max(f => f.AnswersAgain!.Value.TotalSeconds), 2);
    }

    public static string ToJson(ClusterSoakResult r, string machine)
    {
        var invariants = Invariants(r);
        var s = r.Settings;
        var document = new JsonObject
        {
            ["command"] = $"actorgateway cluster soak --nodes {s.Nodes} --accounts {s.Accounts} --seconds {s.Duration.TotalSeconds:0} "
                + $"--kill {s.Kills} --freeze {s.Freezes}",
            ["machine"] = machine,
            ["formation_s"] = Math.Round(r.Formation.TotalSeconds, 2),
            ["first_ask_all_ms"] = Math.Round(r.FirstAskAll.TotalMilliseconds),
            ["failover_kill_s"] = Failover(r, FaultKind.Kill),
            ["failover_freeze_s"] = Failover(r, FaultKind.Freeze),
            ["requests"] = r.Load.Sent,
            ["requests_answered"] = r.Load.Answered,
            ["requests_unanswered"] = r.Load.Unanswered,
            ["requests_failed_typed"] = ReportJson.Counts(r.Load.FailedTyped),
            ["requests_failed_untyped"] = r.Load.Untyped,
            ["requests_per_s"] = Math.Round(r.Load.Sent / Math.Max(0.001, r.Load.Duration.TotalSeconds), 1),
            ["load_s"] = Math.Round(r.Load.Duration.TotalSeconds, 1),
            ["orders_sent"] = r.Orders.Sent,
            ["order_attempts"] = r.Load.OrderAttempts,
            ["orders_succeeded"] = r.Orders.Succeeded,
            ["orders_failed"] = r.Orders.Failed,
            ["orders_unknown"] = r.Orders.Unknown,
            ["orders_unknown_found_executed"] = r.Orders.UnknownFoundExecuted,
            ["orders_unknown_unresolved"] = r.Orders.Unknown - r.Orders.UnknownResolvedByReconcile,
            ["orders_executed_twice"] = r.Orders.ExecutedTwice,
            ["orders_executions_counted"] = r.Orders.Executions,
            ["orders_success_but_not_executed"] = r.Orders.SuccessButNotExecuted,
            ["orders_failed_but_executed"] = r.Orders.FailedButExecuted,
            ["orders_reconcile_verdict_wrong"] = r.Orders.ReconcileVerdictWrong,
            ["fenced_refusals"] = r.Load.Fenced,
            ["faults"] = new JsonArray([.. r.Faults.Select(Fault)]),
            ["processes"] = new JsonArray([.. r.Processes.Select(p => (JsonNode)new JsonObject
            {
                ["node"] = p.Node, ["pid"] = p.Pid, ["address"] = p.Address, ["gone_at_end"] = p.GoneAtEnd,
            })]),
            ["timeline"] = new JsonArray([.. r.Timeline.Select(e => (JsonNode)new JsonObject { ["at_s"] = e.At, ["event"] = e.What })]),
            ["settings"] = s.ToJson(),
            ["invariants"] = ReportJson.Counts(invariants.Select(i => KeyValuePair.Create(i.Name, i.Value))),
            ["failed"] = new JsonArray([.. invariants.Where(i => !i.Holds).Select(i => (JsonNode)i.Name)]),
            ["passed"] = invariants.All(i => i.Holds),
        };
        return document.ToJsonString(ReportJson.Indented);
    }

    /// <summary>The run in a few lines, for a person.</summary>
    public static IReadOnlyList<string> Summary(ClusterSoakResult r)
    {
        var lines = new List<string>
        {
            $"cluster of {r.Settings.Nodes} node processes and a client node formed in {r.Formation.TotalSeconds:0.0} s; "
                + $"all {r.Settings.Accounts} accounts answered {r.FirstAskAll.TotalMilliseconds:0} ms later",
        };
        lines.AddRange(r.Faults.Select(f => $"{(f.Kind == FaultKind.Kill ? "kill -9" : "SIGSTOP")} of {f.Node} "
            + $"({(f.Oldest ? "oldest" : "not oldest")}, {f.Accounts} accounts): "
            + (f.AnswersAgain is { } a ? $"its accounts answered from the others after {a.TotalSeconds:0.0} s" : "its accounts did NOT recover")
            + (f.Kind == FaultKind.Kill ? (f.Rejoined is { } j ? $"; started again, it rejoined {j.TotalSeconds:0.0} s after the kill"
                : "; started again, it did NOT rejoin") : "")
            + (f.Kind == FaultKind.Freeze ? (f.ThawedNodeExited is { } x ? $"; after SIGCONT it ended by itself in {x.TotalSeconds:0.0} s"
                : "; after SIGCONT it did not end by itself (killed at the end)") : "")));
        var failed = r.Load.FailedTyped.Sum(p => p.Value);
        lines.Add($"{r.Load.Sent:N0} requests in {r.Load.Duration.TotalSeconds:0} s: {r.Load.Answered:N0} answered, {failed:N0} failed typed, "
            + $"{r.Load.Unanswered} unanswered; {r.Orders.Sent:N0} orders, {r.Orders.Executions:N0} executions, "
            + $"{r.Orders.ExecutedTwice} executed twice; {r.Load.Fenced} fenced refusals");
        return lines;
    }

    private static JsonNode Fault(FaultRecord f) => new JsonObject
    {
        ["kind"] = f.Kind == FaultKind.Kill ? "kill -9" : "SIGSTOP then SIGCONT",
        ["node"] = f.Node,
        ["pid"] = f.Pid,
        ["address"] = f.Address,
        ["oldest"] = f.Oldest,
        ["accounts"] = f.Accounts,
        ["at_s"] = f.AtS,
        ["accounts_answer_again_s"] = Seconds(f.AnswersAgain),
        ["removed_from_membership_s"] = Seconds(f.Removed),
        ["ended_by_itself_after_sigcont_s"] = f.Kind == FaultKind.Freeze ? Seconds(f.ThawedNodeExited) : null,
        ["restarted_and_rejoined_s"] = f.Kind == FaultKind.Kill ? Seconds(f.Rejoined) : null,
    };

    private static double? Seconds(TimeSpan? value) => value is { } v ? Math.Round(v.TotalSeconds, 2) : null;

    /// <summary>The 1, 5 and 15 minute load averages, for the figures' context ("?" where the system does not tell).</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "?";
}
