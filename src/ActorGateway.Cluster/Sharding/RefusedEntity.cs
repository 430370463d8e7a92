using Akka.Actor;
using Akka.Event;

namespace ActorGateway.Cluster.Sharding;

/// <summary>Stands for an entity id that is not an account number (only a hand-made start message can name one): it stops.</summary>
internal sealed class RefusedEntity : ActorBase
{
    private readonly string _entityId;

    public RefusedEntity(string entityId) => _entityId = entityId;

    protected override void PreStart()
    {
        Context.GetLogger().Warning("Entity id {0} is not an account number; not started", _entityId);
        Context.Stop(Self);
    }

    protected override bool Receive(object message) => false;
}
