using System.Diagnostics.Metrics;
using Akka.Actor;

namespace ActorGateway.Cluster.Lease;

/// <summary>
/// Counts the orders this node refused because its lease on the account's shard was no longer valid (each answered with
/// <see cref="GatewayFencedException"/>, none written). Read <see cref="Refusals"/> in process, or the
/// <c>actorgateway.cluster.fenced_refusals</c> counter of the <c>ActorGateway.Cluster</c> meter from outside.
/// </summary>
public sealed class AccountFencing : IExtension
{
    /// <summary>The meter's name, for a metrics listener or exporter.</summary>
    public const string MeterName = "ActorGateway.Cluster";

    /// <summary>The counter's name.</summary>
    public const string RefusalsCounterName = "actorgateway.cluster.fenced_refusals";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> RefusalsCounter =
        Meter.CreateCounter<long>(RefusalsCounterName, "{order}", "Orders refused because this node's lease had lapsed.");

    private readonly KeyValuePair<string, object?> _node;
    private long _refusals;

    internal AccountFencing(ExtendedActorSystem system) =>
        _node = new("node", Akka.Cluster.Cluster.Get(system).SelfAddress.ToString());

    /// <summary>Orders refused on this actor system so far.</summary>
    public long Refusals => Interlocked.Read(ref _refusals);

    /// <summary>The extension of <paramref name="system"/>.</summary>
    public static AccountFencing Get(ActorSystem system) => system.WithExtension<AccountFencing, AccountFencingProvider>();

    internal void CountRefusal()
    {
        Interlocked.Increment(ref _refusals);
        RefusalsCounter.Add(1, _node);
    }
}
