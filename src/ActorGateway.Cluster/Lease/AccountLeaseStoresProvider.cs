using Akka.Actor;

namespace ActorGateway.Cluster.Lease;

/// <summary>Akka's factory of the <see cref="AccountLeaseStores"/> extension.</summary>
public sealed class AccountLeaseStoresProvider : ExtensionIdProvider<AccountLeaseStores>
{
    /// <inheritdoc />
    public override AccountLeaseStores CreateExtension(ExtendedActorSystem system) => new(system);
}
