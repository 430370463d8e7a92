using System.CommandLine;
using ActorGateway.Cli.Common;

namespace ActorGateway.Cli.Cluster;

/// <summary><c>cluster node</c> (one node of the account cluster) and <c>cluster soak</c> (a local cluster under faults).</summary>
internal static class ClusterCommand
{
    public static Command Create(CliContext context, Option<bool> verbose) =>
        new("cluster", "Run a node of the account cluster, or a local cluster of node processes under kill -9 and SIGSTOP.")
        {
            NodeCommand.Create(context, verbose),
            ClusterSoakCommand.Create(context, verbose),
        };
}
