using Akka.Actor;

namespace ActorGateway.Hosting;

/// <summary>Creates the <see cref="ActorGateways"/> extension once per actor system.</summary>
internal sealed class ActorGatewaysProvider : ExtensionIdProvider<ActorGateways>
{
    public override ActorGateways CreateExtension(ExtendedActorSystem system) => new(system);
}
