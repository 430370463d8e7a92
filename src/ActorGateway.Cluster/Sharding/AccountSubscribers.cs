using ActorGateway.Cluster.Messages;
using ActorGateway.Publishing;
using ActorGateway.Session;
using Akka.Actor;
using Akka.Event;

namespace ActorGateway.Cluster.Sharding;

/// <summary>
/// An entity's subscribers to its account's events: each is subscribed to the session's publisher, narrowed to the
/// account, and its market data is subscribed through the session's book. Those that come before the session exists wait
/// for it. Watched by the entity and forgotten when they stop. Used on the entity's turn.
/// </summary>
/// <remarks>
/// Market data stays subscribed when a subscriber goes: other subscribers, or requests sent in envelopes, may want the same
/// symbols, and the session's book does not count who asked.
/// </remarks>
internal sealed class AccountSubscribers(long accountId, IActorContext entity, ILoggingAdapter log)
{
    private readonly Dictionary<IActorRef, SubscribeAccount> _subscribers = [];
    private AccountSession? _session;

    /// <summary>The session exists: those who came before it are subscribed now.</summary>
    public void Attach(AccountSession session)
    {
        _session = session;
        foreach (var subscribe in _subscribers.Values)
        {
            Start(subscribe, session);
        }
    }

    public void Subscribe(SubscribeAccount subscribe)
    {
        var subscriber = subscribe.Subscriber;
        if (_subscribers.ContainsKey(subscriber))
        {
            // Asked again (its keeper's answer was slow, or lost): answered again, subscribed once.
            if (_session is { } session)
            {
                subscriber.Tell(new EventsSubscribed(subscriber), session.Session.Publisher);
            }

            return;
        }

        try
        {
            subscribe.Options.Validate();
        }
        catch (ArgumentException e)
        {
            // Keepers check on their own node; this is for an actor that sent the subscription itself.
            subscriber.Tell(new RequestFailed(new GatewayProtocolException(e.Message)));
            return;
        }

        _subscribers[subscriber] = subscribe;
        entity.Watch(subscriber);
        if (_session is { } current)
        {
            Start(subscribe, current);
        }
    }

    /// <summary>Forgets <paramref name="subscriber"/>, if it was one.</summary>
    public void Forget(IActorRef subscriber)
    {
        if (!_subscribers.Remove(subscriber))
        {
            return;
        }

        entity.Unwatch(subscriber);
        _session?.Session.Publisher.Tell(new UnsubscribeEvents(subscriber));
    }

    private void Start(SubscribeAccount subscribe, AccountSession session)
    {
        // Told before the market data is asked for, so the first spots the server sends on subscribing find it there. The
        // publisher answers EventsSubscribed to the subscriber itself.
        session.Session.Publisher.Tell(new SubscribeEvents(subscribe.Subscriber, subscribe.Options.ForAccount(accountId)), subscribe.Subscriber);
        // The session holds the change until it is connected and the account authorized; a restore renews it.
        var within = session.RequestTimeout * 3;
        foreach (var request in subscribe.Options.MarketDataRequests(accountId))
        {
            var name = request.Descriptor.Name;
            session.Session.Actor.Ask<SubscriptionChanged>(new ChangeSubscription(request), within).ContinueWith(
                t => log.Warning("Account {0}'s {1} for a subscriber failed ({2}); its events still flow",
                    accountId, name, t.Exception!.InnerException?.GetType().Name),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }
}
