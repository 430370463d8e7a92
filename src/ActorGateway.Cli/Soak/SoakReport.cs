using System.Text.Json.Nodes;
using ActorGateway.Cli.Bench;

namespace ActorGateway.Cli.Soak;

/// <summary>One count the soak asserts is zero, and the value it found.</summary>
internal sealed record Invariant(string Name, long Value)
{
    public bool Holds => Value == 0;
}

/// <summary>A run's figures as JSON (snake_case keys), and the invariants that decide its exit code.</summary>
internal static class SoakReport
{
    public static IReadOnlyList<Invariant> Invariants(SoakResult r) =>
    [
        new("hung", r.Hung),
        new("completed_twice", r.CompletedTwice),
        new("not_sent", r.Settings.Requests - r.Drive.Issued),
        new("untyped_failures", r.Untyped),
        new("cuts_not_recovered", r.Settings.Kills - r.Drive.Cuts.Count(c => c.Restored is not null)),
        new("cuts_without_connection", r.Drive.Cuts.Count(c => c.Connections == 0)),
        new("orders_unknown_unresolved", r.Orders.Unknown - r.Orders.UnknownResolvedByReconcile),
        new("orders_executed_twice", r.Orders.ExecutedTwice),
        new("orders_success_but_not_executed", r.Orders.SuccessButNotExecuted),
        new("orders_failed_but_executed", r.Orders.FailedButExecuted),
        new("orders_reconcile_verdict_wrong", r.Orders.ReconcileVerdictWrong),
    ];

    public static bool Passed(SoakResult result) => Invariants(result).All(i => i.Holds);

    public static string ToJson(SoakResult r)
    {
        var restores = r.Drive.Cuts.Where(c => c.Restored is not null).Select(c => c.Restored!.Value.TotalMilliseconds).Order().ToList();
        var invariants = Invariants(r);
        var document = new JsonObject
        {
            ["command"] = $"actorgateway soak --requests {r.Settings.Requests} --kills {r.Settings.Kills} --in-flight {r.Settings.InFlight}",
            ["lifted_for_speed"] = new JsonArray([.. SoakExchange.Lifted.Select(text => (JsonNode)text)]),
            ["request_timeout_s"] = r.Settings.RequestTimeout.TotalSeconds,
            ["hang_bound_s"] = r.Settings.HangBound.TotalSeconds,
            ["sending_s"] = Math.Round(r.Drive.Elapsed.TotalSeconds, 1),
            ["requests"] = new JsonObject
            {
                ["asked"] = r.Settings.Requests,
                ["sent"] = r.Drive.Issued,
                ["completed"] = r.Completed,
                ["hung"] = r.Hung,
                ["completed_twice"] = r.CompletedTwice,
                ["stopped_at_max_duration"] = r.Drive.StoppedEarly,
                ["stalled_window"] = r.Drive.Stalled,
                ["by_kind"] = ReportJson.Counts(r.ByKind.Select(p => KeyValuePair.Create(Snake(p.Key.ToString()), p.Value))),
            },
            ["outcomes"] = ReportJson.Counts(r.Outcomes),
            ["cuts"] = new JsonObject
            {
                ["made"] = r.Drive.Cuts.Count,
                ["resets"] = r.Drive.Cuts.Count(c => c.Kind == CutKind.Reset),
                ["closes"] = r.Drive.Cuts.Count(c => c.Kind == CutKind.Close),
                ["recovered"] = restores.Count,
                ["restore_ms_p50"] = restores.Count == 0 ? null : Math.Round(Statistics.Percentile(restores, 0.5), 1),
                ["restore_ms_max"] = restores.Count == 0 ? null : Math.Round(restores[^1], 1),
                ["connection_lost_notices"] = r.ConnectionsLost,
                ["session_reconnects"] = r.SessionReconnects,
                ["relay_connections"] = r.RelayConnections,
                ["failures_after_reset"] = ReportJson.Counts(r.Drive.Failures.After(CutKind.Reset)),
                ["failures_after_close"] = ReportJson.Counts(r.Drive.Failures.After(CutKind.Close)),
            },
            ["orders"] = new JsonObject
            {
                ["sent"] = r.Orders.Sent,
                ["succeeded"] = r.Orders.Succeeded,
                ["failed"] = r.Orders.Failed,
                ["unknown"] = r.Orders.Unknown,
                ["unknown_resolved_by_reconcile"] = r.Orders.UnknownResolvedByReconcile,
                ["unknown_found_executed"] = r.Orders.UnknownFoundExecuted,
                ["unknown_found_not_executed"] = r.Orders.UnknownFoundNotExecuted,
                ["reconciles"] = r.Reconciles,
                ["reconciling_ended_in_bound"] = r.UnknownsSettled,
                ["executed_twice"] = r.Orders.ExecutedTwice,
                ["success_but_not_executed"] = r.Orders.SuccessButNotExecuted,
                ["failed_but_executed"] = r.Orders.FailedButExecuted,
                ["reconcile_verdict_wrong"] = r.Orders.ReconcileVerdictWrong,
                ["executions_counted"] = r.Orders.Executions,
                ["executions_without_completed_order"] = r.Orders.ExecutionsWithoutOrder,
            },
            // Every invariant must be 0; the failing ones are named again below.
            ["invariants"] = ReportJson.Counts(invariants.Select(i => KeyValuePair.Create(i.Name, i.Value))),
            ["failed"] = new JsonArray([.. invariants.Where(i => !i.Holds).Select(i => (JsonNode)i.Name)]),
            ["passed"] = invariants.All(i => i.Holds),
        };
        return document.ToJsonString(ReportJson.Indented);
    }

    private static string Snake(string name) => string.Concat(name.Select((c, i) =>
        char.IsUpper(c) ? (i == 0 ? "" : "_") + char.ToLowerInvariant(c) : c.ToString()));
}
