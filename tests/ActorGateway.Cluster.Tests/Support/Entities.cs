using Akka.Actor;
using Akka.Cluster.Sharding;

namespace ActorGateway.Cluster.Tests.Support;

/// <summary>Which account entities run where, as the shard regions report them.</summary>
internal static class Entities
{
    public static async Task<IReadOnlyList<string>> RunningOnAsync(params ClusterNode[] nodes)
    {
        var all = new List<string>();
        foreach (var node in nodes)
        {
            var state = await node.Region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TestTimeouts.Default);
            all.AddRange(state.Shards.SelectMany(s => s.EntityIds));
        }

        return all;
    }
}
