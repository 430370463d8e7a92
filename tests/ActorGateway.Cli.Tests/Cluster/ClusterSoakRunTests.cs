using System.Text.Json;
using ActorGateway.Cli.Cluster;
using ActorGateway.TestKit;

namespace ActorGateway.Cli.Tests.Cluster;

/// <summary>
/// The cluster soak's short variant, run by every <c>dotnet test</c> and so by CI: 3 node processes, 20 accounts, 20 s of
/// load, one node killed and one frozen, through the command line as a user runs it, without and with the shard leases in
/// a PostgreSQL of its own; then the JSON's figures, the client node's log beside the nodes', and that every process it
/// started is gone.
/// </summary>
[Collection(NodeProcessesRunAlone.Name)]
public sealed class ClusterSoakRunTests
{
    private static readonly TimeSpan Bound = TestTimeouts.Dilated(TimeSpan.FromMinutes(5));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_short_cluster_soak_answers_every_request_executes_no_order_twice_and_fails_over_both_faults(bool lease)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cluster-soak-{Guid.NewGuid():N}.json");
        try
        {
            using var bound = new CancellationTokenSource(Bound);
            var (exitCode, output) = await CliRun.InvokeAsync(new StringWriter(),
                ["cluster", "soak", "--nodes", "3", "--accounts", "20", "--seconds", "20", "--kill", "1", "--freeze", "1", "--json", path,
                    .. lease ? ["--lease"] : Array.Empty<string>()],
                bound.Token).OrTimeout(Bound);

            Assert.True(exitCode == 0, output);
            Assert.Contains("cluster soak passed", output, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            var root = json.RootElement;
            double Figure(string name) => root.GetProperty(name).GetDouble();
            Assert.Equal(0, Figure("requests_unanswered"));
            Assert.Equal(0, Figure("orders_executed_twice"));
            Assert.Equal(0, Figure("requests_failed_untyped"));
            Assert.True(Figure("formation_s") > 0, output);
            Assert.True(Figure("first_ask_all_ms") > 0, output);
            Assert.True(Figure("failover_kill_s") > 0, output);
            Assert.True(Figure("failover_freeze_s") > 0, output);
            Assert.True(root.GetProperty("faults")[0].GetProperty("restarted_and_rejoined_s").GetDouble() > 0, output);
            Assert.True(Figure("requests") > 100, output);
            Assert.True(Figure("orders_sent") > 10, output);
            Assert.Equal(0, Figure("orders_unknown_unresolved"));
            Assert.Equal(0, Figure("orders_success_but_not_executed"));
            Assert.Equal(0, Figure("orders_failed_but_executed"));
            Assert.Equal(JsonValueKind.Object, root.GetProperty("requests_failed_typed").ValueKind);
            // Without a lease nothing is fenced; with one, a woken node may refuse what queued while it was frozen.
            Assert.True(lease ? Figure("fenced_refusals") >= 0 : Figure("fenced_refusals") == 0, output);
            Assert.Equal(3, root.GetProperty("settings").GetProperty("nodes").GetInt32());
            Assert.Equal(lease, root.GetProperty("settings").GetProperty("lease").GetString()!.StartsWith("postgresql", StringComparison.Ordinal));
            Assert.Equal(["kill -9", "SIGSTOP then SIGCONT"], root.GetProperty("faults").EnumerateArray().Select(f => f.GetProperty("kind").GetString()));
            Assert.True(root.GetProperty("passed").GetBoolean());

            // The client node's Akka log sits beside the nodes' output, with its own membership lines.
            var logsAt = root.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("event").GetString()!)
                .Single(e => e.Contains("client node's Akka log", StringComparison.Ordinal));
            var logs = logsAt[(logsAt.LastIndexOf(" in ", StringComparison.Ordinal) + 4)..];
            Assert.Contains("Cluster Node [", await File.ReadAllTextAsync(Path.Combine(logs, "client.log")), StringComparison.Ordinal);

            // The three nodes and the killed one started again.
            var processes = root.GetProperty("processes").EnumerateArray().ToList();
            Assert.Equal(4, processes.Count);
            foreach (var process in processes)
            {
                Assert.True(process.GetProperty("gone_at_end").GetBoolean(), process.ToString());
                Assert.True(ClusterSoakRunner.IsGone(process.GetProperty("pid").GetInt32()), $"{process} still runs");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
