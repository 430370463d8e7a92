using System.Diagnostics;
using ActorGateway.Cluster.Hosting;
using ActorGateway.Cluster.Sharding;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;

namespace ActorGateway.Cli.Cluster;

/// <summary>
/// What the client node sees of the cluster: which account nodes are up, and which accounts each one runs (from the
/// shard coordinator's statistics and the extractor's account-to-shard rule, the same on every node).
/// </summary>
internal sealed class ClusterView(ClusterNodeHost client, int shards)
{
    // The membership is read again this often while waiting for it to change: a query, so there is no event to await.
    private static readonly TimeSpan Cadence = TimeSpan.FromMilliseconds(100);
    private readonly AccountMessageExtractor _extractor = new(shards);

    /// <summary>Account nodes that are Up and reachable, as addresses.</summary>
    public IReadOnlySet<string> UpAccountNodes()
    {
        var state = client.Cluster.State;
        return state.Members
            .Where(m => m.Status == MemberStatus.Up && m.HasRole(AccountRegion.HostRole) && !state.Unreachable.Contains(m))
            .Select(m => m.Address.ToString())
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="address"/> is the oldest account node (the one running the shard coordinator).</summary>
    public bool IsOldest(string address) =>
        client.Cluster.State.Members.Where(m => m.HasRole(AccountRegion.HostRole) && m.Status == MemberStatus.Up)
            .Order(Member.AgeOrdering).FirstOrDefault()?.Address.ToString() == address;

    /// <summary>Waits until the members satisfy <paramref name="holds"/>; false if <paramref name="bound"/> passed first.</summary>
    public async Task<bool> WaitForAsync(Func<ClusterView, bool> holds, TimeSpan bound, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(bound.TotalSeconds * Stopwatch.Frequency);
        using var cadence = new PeriodicTimer(Cadence);
        for (var round = 0; round <= (int)(bound / Cadence); round++)
        {
            if (holds(this) && client.Cluster.SelfMember.Status == MemberStatus.Up)
            {
                return true;
            }

            if (Stopwatch.GetTimestamp() > deadline || !await cadence.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Whether any member, in whatever state, has <paramref name="address"/>.</summary>
    public bool IsMember(string address) => client.Cluster.State.Members.Any(m => m.Address.ToString() == address);

    /// <summary>The accounts of <paramref name="accountIds"/> whose shard runs on <paramref name="address"/>.</summary>
    public async Task<IReadOnlyList<long>> AccountsOnAsync(string address, IReadOnlyList<long> accountIds, TimeSpan timeout)
    {
        var stats = await client.Region.Ask<ClusterShardingStats>(new GetClusterShardingStats(timeout), timeout + TimeSpan.FromSeconds(2))
            .ConfigureAwait(false);
        var region = stats.Regions.FirstOrDefault(r => r.Key.ToString() == address).Value;
        if (region is null)
        {
            return [];
        }

        var shardIds = region.Stats.Keys.ToHashSet(StringComparer.Ordinal);
        return [.. accountIds.Where(id => shardIds.Contains(_extractor.ShardId(id.ToString(System.Globalization.CultureInfo.InvariantCulture))))];
    }
}
