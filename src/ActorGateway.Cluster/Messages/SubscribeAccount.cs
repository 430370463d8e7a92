using ActorGateway.Cluster.Events;
using Akka.Actor;

namespace ActorGateway.Cluster.Messages;

/// <summary>
/// Subscribes <paramref name="Subscriber"/> to the events of the trading account <paramref name="AccountId"/>, wherever
/// in the cluster its entity lives. The entity subscribes it to its session's publisher, so it receives
/// <see cref="Publishing.EventBatch"/>es and answers each with <see cref="Publishing.EventsAck"/>, as on one node (one batch
/// in flight; what waits for it waits at the publisher, within its bound). The entity answers
/// <see cref="Publishing.EventsSubscribed"/> from the publisher, and has its session subscribe the market data named in
/// <paramref name="Options"/> through the session's book. Asking again is answered again and subscribes nothing twice.
/// Options that are not valid are answered with <see cref="RequestFailed"/> (a <see cref="GatewayProtocolException"/>).
/// </summary>
/// <remarks>
/// The subscription lives as long as the entity: when the account moves, it ends. The keeper that
/// <see cref="ClusterAccounts.SubscribeAsync"/> and <see cref="ClusterAccounts.KeeperProps"/> start sends this for a local
/// subscriber and renews it on the new owner.
/// </remarks>
/// <param name="AccountId">The ctidTraderAccountId: it names the entity.</param>
/// <param name="Subscriber">The actor the batches go to.</param>
/// <param name="Options">What it wants; the entity narrows the events to this account.</param>
public sealed record SubscribeAccount(long AccountId, IActorRef Subscriber, AccountEventsOptions Options) : IClusterMessage;

/// <summary>
/// Ends <paramref name="Subscriber"/>'s subscription to the account's events (the market data stays subscribed). Sent
/// through the region, it starts the account's entity when that is not running, as any message there does; a keeper
/// therefore ends its subscription at the publisher directly instead.
/// </summary>
/// <param name="AccountId">The ctidTraderAccountId.</param>
/// <param name="Subscriber">The actor that subscribed.</param>
public sealed record UnsubscribeAccount(long AccountId, IActorRef Subscriber) : IClusterMessage;
