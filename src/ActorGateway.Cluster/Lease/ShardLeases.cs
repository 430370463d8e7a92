using ActorGateway.Cluster.Hosting;
using ActorGateway.Cluster.Sharding;
using Akka.Actor;
using Akka.Coordination;

namespace ActorGateway.Cluster.Lease;

/// <summary>
/// Finds the lease instance sharding acquired for an account's shard, so the entity can check it before each order. The
/// lease provider keeps one instance per (name, config path, owner): the same three values sharding uses give the same
/// instance — the shard's name <c>{system}-shard-{typeName}-{shardId}</c>, the lease block's path, and the node's
/// host:port as owner.
/// </summary>
internal sealed class ShardLeases
{
    private readonly AccountMessageExtractor _extractor;

    public ShardLeases(AccountMessageExtractor extractor) => _extractor = extractor;

    public Akka.Coordination.Lease For(long accountId, ActorSystem system)
    {
        var shard = _extractor.ShardId(accountId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return LeaseProvider.Get(system).GetLease(
            $"{system.Name}-shard-{AccountRegion.TypeName}-{shard}",
            PostgresLeaseOption.Path,
            Akka.Cluster.Cluster.Get(system).SelfAddress.HostPort());
    }
}
