namespace ActorGateway.Cli.Tests.Cluster;

/// <summary>
/// Tests that start node processes run alone: on a small machine other tests' load starves the nodes' heartbeats, and
/// the cluster would take a slow node for a dead one.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NodeProcessesRunAlone
{
    public const string Name = "node processes";
}
