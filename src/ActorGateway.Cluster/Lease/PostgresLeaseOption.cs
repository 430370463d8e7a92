using System.Globalization;
using Akka.Actor.Setup;
using Akka.Hosting;
using Akka.Hosting.Coordination;

namespace ActorGateway.Cluster.Lease;

/// <summary>
/// The account shards' lease for Akka.Hosting: <see cref="Apply"/> writes the lease block at <see cref="ConfigPath"/> (class
/// and timings, no connection string) and hands the options over as a setup. Sharding's <c>ShardOptions.LeaseImplementation</c>
/// only points <c>use-lease</c> at the block, so the hosting extension must also call <see cref="Apply"/>; without the
/// block every shard would fail to create its lease and restart in a loop.
/// </summary>
internal sealed class PostgresLeaseOption : LeaseOptionBase
{
    /// <summary>Where the lease block lives; the account entity asks the lease provider for the same path.</summary>
    public const string Path = "actorgateway.cluster.account-lease";

    private readonly AccountLeaseOptions _options;

    public PostgresLeaseOption(AccountLeaseOptions options) => _options = options;

    public override string ConfigPath => Path;

    public override Type Class => typeof(PostgresLease);

    public override void Apply(AkkaConfigurationBuilder builder, Setup? setup = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddSetup(new AccountLeaseSetup(_options));
        builder.AddHocon($$"""
            {{Path}} {
              lease-class = "{{Class.FullName}}, {{Class.Assembly.GetName().Name}}"
              heartbeat-timeout = {{Ms(_options.TimeToLive)}}
              heartbeat-interval = {{Ms(_options.RenewInterval)}}
              lease-operation-timeout = {{Ms(_options.OperationTimeout)}}
            }
            """, HoconAddMode.Prepend);
    }

    private static string Ms(TimeSpan value) =>
        string.Create(CultureInfo.InvariantCulture, $"{(long)value.TotalMilliseconds}ms");
}
