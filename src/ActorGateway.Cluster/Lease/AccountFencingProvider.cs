using Akka.Actor;

namespace ActorGateway.Cluster.Lease;

/// <summary>Akka's factory of the <see cref="AccountFencing"/> extension.</summary>
public sealed class AccountFencingProvider : ExtensionIdProvider<AccountFencing>
{
    /// <inheritdoc />
    public override AccountFencing CreateExtension(ExtendedActorSystem system) => new(system);
}
