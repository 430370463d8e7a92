using System.Globalization;
using ActorGateway.Cluster.Lease;
using ActorGateway.Cluster.Messages;
using ActorGateway.Cluster.Serialization;
using ActorGateway.Cluster.Sharding;
using Akka.Cluster.Hosting;
using Akka.Cluster.Hosting.SBR;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Akka.Remote.Hosting;

namespace ActorGateway.Cluster.Hosting;

/// <summary>Akka.Hosting set-up of a node of the account cluster.</summary>
public static class AccountClusterHostingExtensions
{
    /// <summary>
    /// Makes this actor system a node of the account cluster: remoting on <see cref="AccountClusterOptions.Host"/>, the
    /// cluster with the keep-majority split-brain resolver, the project's serializer bound to every message of its own that
    /// crosses nodes, and the account shard region (remembering its entities) or, on a node that hosts no accounts, a
    /// proxy to it. Both are registered as <see cref="AccountRegion"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public static AkkaConfigurationBuilder WithAccountCluster(this AkkaConfigurationBuilder builder, AccountClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        builder
            .WithRemoting(new RemoteOptions { HostName = options.Host, Port = options.Port })
            .WithClustering(new ClusterOptions
            {
                Roles = options.HostsAccounts ? [AccountRegion.HostRole] : [],
                SeedNodes = [.. options.Seeds],
                SplitBrainResolver = new KeepMajorityOption(),
                FailureDetector = new PhiAccrualFailureDetectorOptions
                {
                    HeartbeatInterval = options.HeartbeatInterval,
                    AcceptableHeartbeatPause = options.AcceptableHeartbeatPause,
                },
            })
            .AddHocon(Tuning(options), HoconAddMode.Prepend)
            .WithCustomSerializer(ClusterMessageSerializer.Name, ClusterMessageSerializer.BoundTypes,
                system => new ClusterMessageSerializer(system));

        var extractor = new AccountMessageExtractor(options.Shards);
        if (!options.HostsAccounts)
        {
            return builder.WithShardRegionProxy<AccountRegion>(AccountRegion.TypeName, AccountRegion.HostRole, extractor);
        }

        var sessions = new AccountSessions(options.SessionOptions!);
        var shardOptions = new ShardOptions
        {
            Role = AccountRegion.HostRole,
            RememberEntities = true,
            StateStoreMode = StateStoreMode.DData,
            RememberEntitiesStore = RememberEntitiesStore.DData,
            HandOffStopMessage = StopAccount.Instance,
        };
        ShardLeases? leases = null;
        if (options.Lease is { } lease)
        {
            var leaseOption = new PostgresLeaseOption(lease);
            // The shard options only name the lease block (use-lease); the block itself must be written here.
            leaseOption.Apply(builder);
            shardOptions.LeaseImplementation = leaseOption;
            shardOptions.LeaseRetryInterval = lease.RetryInterval;
            leases = new ShardLeases(extractor);
        }

        builder.WithShardRegion<AccountRegion>(AccountRegion.TypeName, id => AccountEntity.Props(id, sessions, leases), extractor,
            shardOptions);
        if (options.Accounts.Count > 0)
        {
            var accounts = options.Accounts.ToArray();
            builder.WithActors((system, registry) =>
                system.ActorOf(AccountStarter.Props(registry.Get<AccountRegion>(), accounts, options.MinimumAccountNodes), "account-starter"));
        }

        return builder;
    }

    private static string Tuning(AccountClusterOptions options)
    {
        var margin = options.DownRemovalMargin ?? options.StableAfter;
        return $$"""
            # An actor on a node already removed from the cluster is watched by remoting's own detector, not the cluster's:
            # a proxy told a shard's old home just as that node was removed kept sending there until this detector (10 s
            # pause by default) saw it, and a frozen node's accounts answered 18 s after the freeze instead of 5 s. It
            # never judges a member, so a short pause downs nobody; it only ends that wait sooner.
            akka.remote.watch-failure-detector {
              heartbeat-interval = 500ms
              acceptable-heartbeat-pause = 2s
              unreachable-nodes-reaper-interval = 250ms
            }
            akka.cluster {
              split-brain-resolver.stable-after = {{Ms(options.StableAfter)}}
              down-removal-margin = {{Ms(margin)}}
              # Failure detection is read, and a downed node removed (its shards freed), on ticks of 1 s by default:
              # up to 1 s before a silent node counts as unreachable, and 1.6 s of a measured 7.6 s failover between the
              # downing decision and the removal. Four times as much gossip is still a few small messages a second on
              # clusters of a handful of account nodes.
              unreachable-nodes-reaper-interval = 250ms
              gossip-interval = 250ms
              leader-actions-interval = 250ms
              sharding {
                # Remembered accounts live in distributed data replicated to every account node, not on disk: they
                # survive any minority of nodes failing; after a full restart the configured accounts are started again.
                distributed-data.durable.keys = []
                # A plain majority of the account nodes (default: at least 5, which on a small cluster means every
                # node): the coordinator's updates then go on while a dying or leaving node is still a member, instead
                # of timing out until it is removed. Under keep-majority downing a majority is what survives anyway.
                distributed-data.majority-min-cap = 1
                # How often a region without a home for a shard asks the coordinator again (default 2 s): part of failover.
                retry-interval = 500ms
                # How soon a region looks for a coordinator that moved (default 5 s): part of failover when the oldest
                # node, which runs the coordinator, is the one that died.
                coordinator-failure-backoff = 1s
                # A rebalance whose source node dies before acknowledging the hand-off waits out this timeout (default
                # 60 s) before the shard can start anywhere: measured when a node froze just after a rebalance to a
                # restarted node began. Entities close their sessions in well under the 3 s this leaves them before
                # sharding stops them by force (the timeout less 5 s).
                handoff-timeout = 8s
              }
            }
            """;
    }

    private static string Ms(TimeSpan value) =>
        string.Create(CultureInfo.InvariantCulture, $"{(long)value.TotalMilliseconds}ms");
}
