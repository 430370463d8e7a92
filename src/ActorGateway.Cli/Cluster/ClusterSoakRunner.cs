using System.Diagnostics;
using ActorGateway.Cli.Soak;
using ActorGateway.Cluster.Lease;

namespace ActorGateway.Cli.Cluster;

/// <summary>
/// One cluster soak: the simulator in this process, the node processes on free ports (each seeds the others; node-1
/// first, so it forms the cluster), the client node in this process, the formation and a first answer from every
/// account, then the load with the faults, the drain, the unknown orders settled and the audit. Everything runs under
/// <see cref="ClusterSoakSettings.Deadline"/>, and every process started is gone at the end, however the run ended.
/// </summary>
internal static class ClusterSoakRunner
{
    public static async Task<ClusterSoakResult> RunAsync(ClusterSoakSettings settings, NodeLauncher launcher, Action<string> progress,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Deadline);
        // Owned here, not by the run: should the run be stuck in a wait that ignores the deadline, the deadline still
        // ends this method, and the processes are killed all the same.
        var nodes = new List<NodeProcess>();
        try
        {
            return await RunWithinAsync(settings, launcher, nodes, new SoakTimeline(progress), deadline.Token)
                .WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The cluster soak passed its deadline of {settings.Deadline.TotalSeconds:0} s; everything it "
                + "started was stopped.");
        }
        finally
        {
            NodeProcess[] started;
            lock (nodes)
            {
                started = [.. nodes];
            }

            await StopAllAsync(started).ConfigureAwait(false);
        }
    }

    private static async Task<ClusterSoakResult> RunWithinAsync(ClusterSoakSettings settings, NodeLauncher launcher,
        List<NodeProcess> nodes, SoakTimeline timeline, CancellationToken cancellationToken)
    {
        // Labels of this run only, so the audit never takes another run's positions for its own.
        var run = Convert.ToHexStringLower(BitConverter.GetBytes(Stopwatch.GetTimestamp()))[..8];
        var simulator = await ClusterSimulator.StartAsync(settings.AccountIds, cancellationToken).ConfigureAwait(false);
        await using (simulator.ConfigureAwait(false))
        {
            timeline.Mark($"simulator on {simulator.Gateway} with accounts 1-{settings.Accounts}; run {run}");
            var leaseStore = settings.LeaseTimeToLive is null ? null : await StartLeaseStoreAsync(timeline, cancellationToken).ConfigureAwait(false);
            try
            {
                return await WithNodesAsync(settings, launcher, nodes, timeline, run, simulator, NodeEnvironment(leaseStore),
                    cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (leaseStore is not null)
                {
                    await leaseStore.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    private static async Task<LocalPostgres> StartLeaseStoreAsync(SoakTimeline timeline, CancellationToken cancellationToken)
    {
        var store = await LocalPostgres.StartAsync(cancellationToken).ConfigureAwait(false);
        timeline.Mark($"lease store: PostgreSQL on 127.0.0.1:{store.Port}");
        return store;
    }

    // The nodes' credentials, and the lease store's connection string when there is one: never on their command lines.
    private static IReadOnlyDictionary<string, string> NodeEnvironment(LocalPostgres? leaseStore) => leaseStore is null
        ? ClusterSimulator.Environment
        : new Dictionary<string, string>(ClusterSimulator.Environment, StringComparer.Ordinal)
        {
            [NodeSettings.LeaseConnectionVariable] = leaseStore.ConnectionString,
        };

    private static async Task<ClusterSoakResult> WithNodesAsync(ClusterSoakSettings settings, NodeLauncher launcher,
        List<NodeProcess> nodes, SoakTimeline timeline, string run, ClusterSimulator simulator,
        IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var ports = FreePorts.Take(settings.Nodes + 1);
        var nodePorts = ports.Take(settings.Nodes).ToList();
        // Each node's output, Akka's membership and downing lines included, for reading a run afterwards.
        var logs = Directory.CreateTempSubdirectory($"actorgateway-cluster-soak-{run}-").FullName;
        try
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < settings.Nodes; i++)
            {
                var node = NodeProcess.Start(launcher, $"node-{i + 1}", settings.NodeFor(i, nodePorts, simulator.Gateway),
                    environment, Path.Combine(logs, $"node-{i + 1}.log"));
                lock (nodes)
                {
                    nodes.Add(node);
                }
            }

            timeline.Mark($"{settings.Nodes} node processes started (pids {string.Join(", ", nodes.Select(n => n.Pid))}); their output, and the client node's Akka log, in {logs}");
            await Task.WhenAll(nodes.Select(n => n.Up)).WaitAsync(settings.FormationBound, cancellationToken).ConfigureAwait(false);
            timeline.Mark("every node process printed its up line");
            // A killed node started again is not a seed: listing itself first, it could form a cluster of its own.
            NodeProcess Restart(NodeProcess killed)
            {
                var again = NodeProcess.Start(launcher, killed.Name, killed.Settings with
                {
                    Seeds = [.. killed.Settings.Seeds.Where(seed => seed != killed.Settings.Address)],
                }, environment, Path.Combine(logs, $"{killed.Name}-restarted.log"));
                lock (nodes)
                {
                    nodes.Add(again);
                }

                return again;
            }

            var result = await WithClientAsync(settings, [.. nodes], Restart, ports[^1], nodePorts, started, run, simulator, timeline,
                Path.Combine(logs, "client.log"), cancellationToken).ConfigureAwait(false);
            return result with { Processes = await StopAllAsync(nodes).ConfigureAwait(false), Timeline = timeline.Events };
        }
        finally
        {
            await StopAllAsync(nodes).ConfigureAwait(false);
        }
    }

    private static async Task<ClusterSoakResult> WithClientAsync(ClusterSoakSettings settings, IReadOnlyList<NodeProcess> nodes,
        Func<NodeProcess, NodeProcess> restart, int clientPort, IReadOnlyList<int> nodePorts, long started, string run, ClusterSimulator simulator, SoakTimeline timeline,
        string clientLog, CancellationToken cancellationToken)
    {
        var clientSettings = settings.ClientFor(clientPort, nodePorts);
        var client = await ClusterNodeHost.StartAsync(clientSettings.ToOptions(null), clientSettings.AkkaLogLevel, clientLog, cancellationToken)
            .ConfigureAwait(false);
        await using (client.ConfigureAwait(false))
        {
            var view = new ClusterView(client, settings.Shards);
            if (!await view.WaitForAsync(v => v.UpAccountNodes().Count == settings.Nodes, settings.FormationBound, cancellationToken)
                .ConfigureAwait(false))
            {
                throw new TimeoutException($"The cluster did not form within {settings.FormationBound.TotalSeconds:0} s: "
                    + $"{view.UpAccountNodes().Count} of {settings.Nodes} account nodes up.");
            }

            var formation = Stopwatch.GetElapsedTime(started);
            timeline.Mark($"cluster formed: {settings.Nodes} account nodes and the client up, {formation.TotalSeconds:0.00} s after the first process started");
            var asked = Stopwatch.GetTimestamp();
            var firstAskAll = await AnswerProbe.AllAnswerAsync(client.Accounts, settings.AccountIds, asked, settings.RecoveryBound,
                cancellationToken).ConfigureAwait(false)
                ?? throw new TimeoutException($"Not every account answered within {settings.RecoveryBound.TotalSeconds:0} s of formation.");
            timeline.Mark($"every one of {settings.Accounts} accounts answered, {firstAskAll.TotalMilliseconds:0} ms after the first Ask");

            var load = new ClusterLoad(client.Accounts, settings, run);
            using var stopLoad = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var loadStarted = Stopwatch.GetTimestamp();
            var loading = load.RunAsync(stopLoad.Token);
            timeline.Mark($"load started: {settings.InFlight} in flight, one request in {settings.OrderEvery} a market order");
            IReadOnlyList<FaultRecord> faults;
            try
            {
                faults = await new ClusterFaults(settings, client, view, timeline, restart).RunAsync(nodes, loadStarted, cancellationToken)
                    .ConfigureAwait(false);
                var rest = settings.Duration - Stopwatch.GetElapsedTime(loadStarted);
                if (rest > TimeSpan.Zero)
                {
                    // The load's own length: it runs at least the seconds asked for.
                    await Task.Delay(rest, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                await stopLoad.CancelAsync().ConfigureAwait(false);
                await loading.ConfigureAwait(false);
            }

            var loadDuration = Stopwatch.GetElapsedTime(loadStarted);
            timeline.Mark($"load stopped after {loadDuration.TotalSeconds:0.0} s: {load.Sent:N0} requests, {load.Sent - load.Ended} still out");
            await UnknownOrders.ResolveAsync(client.Accounts, load.Orders, settings.RequestTimeout, cancellationToken).ConfigureAwait(false);
            var auditor = simulator.OpenAuditor(settings.RequestTimeout);
            OrderFigures orders;
            await using (auditor.ConfigureAwait(false))
            {
                orders = await SoakAudit.CountAsync(auditor, settings.AccountIds, load.Orders, load.LabelPrefix).ConfigureAwait(false);
            }

            timeline.Mark($"audit: {orders.Sent:N0} orders, {orders.Executions:N0} executions, {orders.ExecutedTwice} executed twice");
            var figures = new LoadFigures(load.Sent, load.Replies, load.Ended, load.Untyped, load.Fenced, load.OrderAttempts, load.Failures,
                loadDuration);
            return new ClusterSoakResult(settings, run, formation, firstAskAll, faults, figures, orders, [], []);
        }
    }

    /// <summary>Kills what still runs (SIGCONT first for a frozen one) and reports, per process, whether it is gone.</summary>
    private static async Task<IReadOnlyList<ProcessRecord>> StopAllAsync(IReadOnlyList<NodeProcess> nodes)
    {
        var records = new List<ProcessRecord>();
        foreach (var node in nodes)
        {
            await node.DisposeAsync().ConfigureAwait(false);
            var address = node.Up.IsCompletedSuccessfully ? node.Up.Result : node.Settings.Address;
            records.Add(new ProcessRecord(node.Name, node.Pid, address, IsGone(node.Pid)));
        }

        return records;
    }

    /// <summary>True when no process <paramref name="pid"/> runs any more.</summary>
    internal static bool IsGone(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
