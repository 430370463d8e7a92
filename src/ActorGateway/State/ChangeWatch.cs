using Akka.Actor;

namespace ActorGateway.State;

/// <summary>A callback's subscription to a mirror's or a book's changes; disposing it ends the subscription.</summary>
public sealed class ChangeWatch : IDisposable
{
    private readonly ActorSystem _system;
    private readonly IActorRef _actor;

    internal ChangeWatch(ActorSystem system, IActorRef actor)
    {
        _system = system;
        _actor = actor;
    }

    /// <summary>Stops the callback; changes already being handed to it may still arrive once.</summary>
    public void Dispose() => _system.Stop(_actor);
}
