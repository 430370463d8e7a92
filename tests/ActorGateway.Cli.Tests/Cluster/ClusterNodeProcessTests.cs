using System.Diagnostics;
using ActorGateway.Cli.Cluster;
using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;

namespace ActorGateway.Cli.Tests.Cluster;

/// <summary>
/// <c>cluster node</c> as a process, started the way the soak starts it: it comes up, forms a cluster of its own, its
/// accounts answer a client node in this test process, and SIGTERM makes it leave and end.
/// </summary>
[Collection(NodeProcessesRunAlone.Name)]
public sealed class ClusterNodeProcessTests
{
    private static readonly TimeSpan Bound = TestTimeouts.Dilated(TimeSpan.FromSeconds(60));
    private static readonly long[] Accounts = [1, 2, 3];

    [Fact]
    public async Task A_node_process_answers_a_client_node_and_ends_on_sigterm()
    {
        await using var simulator = await ClusterSimulator.StartAsync(Accounts, default).OrTimeout();
        var ports = FreePorts.Take(2);
        var address = NodeAddresses.Of("127.0.0.1", ports[0]);
        var settings = new NodeSettings
        {
            Port = ports[0],
            Seeds = [address],
            Accounts = Accounts,
            Gateway = simulator.Gateway,
            Plain = true,
            Shards = 10,
            Heartbeat = TimeSpan.FromMilliseconds(500),
            AcceptablePause = TestTimeouts.Dilated(TimeSpan.FromSeconds(3)),
            StableAfter = TimeSpan.FromSeconds(1),
        };
        await using var node = NodeProcess.Start(NodeLauncher.OfThisProcess(), "node-1", settings, ClusterSimulator.Environment);

        Assert.Equal(address, await node.Up.OrTimeout(Bound));

        var clientSettings = settings with { Port = ports[1], HostsAccounts = false, Accounts = [], Gateway = null, AkkaLogLevel = "ERROR" };
        await using (var client = await ClusterNodeHost.StartAsync(clientSettings.ToOptions(null), "ERROR", null, default).OrTimeout(Bound))
        {
            var answered = await AnswerProbe.AllAnswerAsync(client.Accounts, Accounts, Stopwatch.GetTimestamp(), Bound, default)
                .OrTimeout(Bound * 2);
            Assert.NotNull(answered);
            var trader = await client.Accounts.AskAsync<ProtoOATraderRes>(2, new ProtoOATraderReq { CtidTraderAccountId = 2 })
                .OrTimeout(Bound);
            Assert.Equal(2L, trader.Trader.CtidTraderAccountId);
        }

        node.Terminate();

        Assert.True(await node.ExitedWithinAsync(Bound), $"still running after SIGTERM:{Environment.NewLine}{node.Tail}");
        Assert.Contains("node stopping: leaving the cluster", node.Tail, StringComparison.Ordinal);
        Assert.Contains("node stopped", node.Tail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_that_cannot_start_fails_its_up_wait_with_its_own_words()
    {
        // An account node without credentials refuses before it starts anything; the soak would show this line.
        var settings = new NodeSettings
        {
            Port = FreePorts.Take(1)[0], Seeds = [NodeAddresses.Of("127.0.0.1", 1)], Accounts = [1], Gateway = "127.0.0.1:5035",
        };
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ACTORGATEWAY_CLIENT_ID"] = "", ["ACTORGATEWAY_CLIENT_SECRET"] = "", ["ACTORGATEWAY_ACCESS_TOKEN"] = "",
        };
        await using var node = NodeProcess.Start(NodeLauncher.OfThisProcess(), "node-x", settings, environment);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => node.Up.OrTimeout(Bound));

        Assert.Contains("node-x exited before it was up", error.Message, StringComparison.Ordinal);
        Assert.Contains("error: No application credentials", error.Message, StringComparison.Ordinal);
    }
}
