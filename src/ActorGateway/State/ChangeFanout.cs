using Akka.Actor;

namespace ActorGateway.State;

/// <summary>
/// A state actor's subscribers and what waits for each: every change goes to every subscriber, at most one batch
/// unanswered each; what comes meanwhile waits here up to <c>capacity</c>, after which the oldest is dropped and counted
/// so the subscriber is told (<see cref="ChangesLost"/>) where the gap is. Subscribers are watched and forgotten when
/// they stop. Owned by its actor; called on its turn only.
/// </summary>
internal sealed class ChangeFanout(int capacity)
{
    private readonly Dictionary<IActorRef, Subscriber> _subscribers = [];

    /// <summary>True when anyone listens, so the owner may skip building changes nobody will read.</summary>
    public bool Any => _subscribers.Count > 0;

    public void Add(IActorRef subscriber, IActorContext context)
    {
        if (!_subscribers.ContainsKey(subscriber))
        {
            _subscribers[subscriber] = new Subscriber();
            context.Watch(subscriber);
        }

        subscriber.Tell(new StateChangesSubscribed(subscriber), context.Self);
    }

    public void Remove(IActorRef subscriber, IActorContext context)
    {
        if (_subscribers.Remove(subscriber))
        {
            context.Unwatch(subscriber);
        }
    }

    /// <summary>Queues the changes for every subscriber and hands a batch to each that is free.</summary>
    public void Publish(List<StateChange> changes, IActorRef self)
    {
        if (changes.Count == 0)
        {
            return;
        }

        foreach (var (actor, subscriber) in _subscribers)
        {
            foreach (var change in changes)
            {
                subscriber.Enqueue(change, capacity);
            }

            Deliver(actor, subscriber, self);
        }
    }

    public void Ack(IActorRef sender, IActorRef self)
    {
        if (_subscribers.TryGetValue(sender, out var subscriber))
        {
            subscriber.AwaitingAck = false;
            Deliver(sender, subscriber, self);
        }
    }

    private static void Deliver(IActorRef actor, Subscriber subscriber, IActorRef self)
    {
        if (!subscriber.AwaitingAck && subscriber.HasItems)
        {
            subscriber.AwaitingAck = true;
            actor.Tell(new StateChanges(subscriber.TakeAll()), self);
        }
    }

    private sealed class Subscriber
    {
        private readonly Queue<StateChange> _waiting = new();
        private long _lost;

        public bool AwaitingAck { get; set; }

        public bool HasItems => _waiting.Count > 0 || _lost > 0;

        public void Enqueue(StateChange change, int capacity)
        {
            if (_waiting.Count >= capacity)
            {
                _waiting.Dequeue();
                _lost++;
            }

            _waiting.Enqueue(change);
        }

        public StateChange[] TakeAll()
        {
            var lost = _lost > 0 ? 1 : 0;
            var items = new StateChange[lost + _waiting.Count];
            if (lost == 1)
            {
                items[0] = new ChangesLost(_lost);
            }

            _waiting.CopyTo(items, lost);
            _waiting.Clear();
            _lost = 0;
            return items;
        }
    }
}
