using Akka.Actor;
using Google.Protobuf;

namespace ActorGateway.Publishing;

/// <summary>
/// Told to the publisher (or to the gateway or session actor, which pass it on): <paramref name="Subscriber"/> receives
/// the events that pass <paramref name="Options"/> as <see cref="EventBatch"/>es until it stops or unsubscribes. It must
/// answer each batch with <see cref="EventsAck"/>: until it does, further events wait for it at the publisher, within its
/// bound, so its mailbox never grows without limit. The publisher answers <see cref="EventsSubscribed"/>, or
/// <c>Status.Failure</c> with an <see cref="ArgumentException"/> when the options are not valid.
/// </summary>
/// <param name="Subscriber">The actor to deliver to.</param>
/// <param name="Options">What it wants and how much may wait for it (null: everything, 10,000 events, oldest dropped).</param>
public sealed record SubscribeEvents(IActorRef Subscriber, SubscriptionOptions? Options = null);

/// <summary>Told to the publisher: <paramref name="Subscriber"/> receives nothing more.</summary>
public sealed record UnsubscribeEvents(IActorRef Subscriber);

/// <summary>The publisher's answer to <see cref="SubscribeEvents"/>: the subscriber receives from the next event on.</summary>
public sealed record EventsSubscribed(IActorRef Subscriber);

/// <summary>
/// Events for one subscriber, in the order they arrived, with <see cref="GatewayNotice"/>s where they belong (a gap, a
/// reconnect...). Usually the events of one socket read; more when the subscriber was slower than the feed. Answer it
/// with <see cref="EventsAck"/> once handled.
/// </summary>
/// <param name="Items">The events and notices.</param>
public sealed record EventBatch(IReadOnlyList<StreamItem<IMessage>> Items);

/// <summary>A subscriber's answer to an <see cref="EventBatch"/>: it is ready for the next one.</summary>
public sealed record EventsAck
{
    /// <summary>The one instance.</summary>
    public static readonly EventsAck Instance = new();
}

/// <summary>
/// Asked of the publisher: how many subscribers it has now (actors and its own readers, the session actor among them).
/// Answered with <see cref="SubscribersCounted"/>.
/// </summary>
public sealed record CountSubscribers
{
    /// <summary>The one instance.</summary>
    public static readonly CountSubscribers Instance = new();
}

/// <summary>The publisher's answer to <see cref="CountSubscribers"/>.</summary>
/// <param name="Count">How many subscribers it delivers to.</param>
public sealed record SubscribersCounted(int Count);
