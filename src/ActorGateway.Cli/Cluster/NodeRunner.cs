using System.Runtime.InteropServices;
using ActorGateway.Cli.Common;
using ActorGateway.Cluster.Hosting;
using ActorGateway.Session;

namespace ActorGateway.Cli.Cluster;

/// <summary>
/// Runs one node in the foreground: starts it, prints <see cref="UpLine"/> with its address (the soak waits for that
/// line), and stops it cleanly (leaving the cluster) on Ctrl+C or SIGTERM. A node the cluster downed ends by itself
/// with a line saying so and exit code 1, so a supervisor can start it again.
/// </summary>
internal static class NodeRunner
{
    public const string UpLine = "node up: ";

    public static async Task<int> RunAsync(CliContext context, NodeSettings settings, Func<long, SessionOptions>? sessionOptions,
        string? leaseConnection, CancellationToken cancellationToken)
    {
        var node = await ClusterNodeHost.StartAsync(settings.ToOptions(sessionOptions, leaseConnection), settings.AkkaLogLevel, null,
                cancellationToken)
            .ConfigureAwait(false);
        await using (node.ConfigureAwait(false))
        {
            var role = settings.HostsAccounts
                ? $"account node, {settings.Accounts.Count} accounts started at boot, {settings.Gateway}"
                    + (settings.LeaseTimeToLive is { } ttl ? $", shard leases in PostgreSQL (ttl {ttl.TotalSeconds:0.#} s)" : "")
                : "client node (no accounts)";
            context.Line($"{UpLine}{node.Cluster.SelfAddress} ({role}; seeds {string.Join(',', settings.Seeds)})");
            var interrupted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            // Its own hold on SIGTERM and SIGINT: left to the runtime, they end the process at once, and Akka's exit hook
            // tears the actor system down under the command instead of letting it leave the cluster first.
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => Stop(signal, interrupted));
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => Stop(signal, interrupted));
            using (cancellationToken.Register(() => interrupted.TrySetResult()))
            {
                var ended = await Task.WhenAny(interrupted.Task, node.System.WhenTerminated).ConfigureAwait(false);
                if (ended != interrupted.Task && !interrupted.Task.IsCompleted)
                {
                    context.Line("node down: its actor system ended (downed or removed by the cluster)");
                    return CommandRunner.Failed;
                }
            }

            context.Line("node stopping: leaving the cluster");
            await node.StopAsync().ConfigureAwait(false);
            context.Line("node stopped");
            return 0;
        }
    }

    private static void Stop(PosixSignalContext signal, TaskCompletionSource interrupted)
    {
        signal.Cancel = true;
        interrupted.TrySetResult();
    }
}
