using Google.Protobuf;

namespace ActorGateway.Cluster.Messages;

/// <summary>
/// A request for the trading account <paramref name="AccountId"/>, wherever in the cluster its entity lives. The reply
/// comes back to the sender as on one node: the response message, then for a trading request each
/// <see cref="Trading.OrderUpdate"/> and one <see cref="Trading.OrderOutcome"/>; a failure comes as
/// <see cref="RequestFailed"/> (which <see cref="ClusterAccounts.AskAsync{TResponse}"/> throws as the typed exception).
/// Spot, depth and live-trendbar (un)subscriptions go through the session's book, so the session renews them after its
/// reconnects (asking twice for a symbol is then no error); their reply is the Open API response all the same. A new owner
/// after a move does not know them: subscribe with <see cref="SubscribeAccount"/> (a keeper) to have them renewed.
/// </summary>
/// <param name="AccountId">The ctidTraderAccountId: it names the entity.</param>
/// <param name="Request">An Open API request; its account id should be <paramref name="AccountId"/>.</param>
/// <param name="Timeout">How long the entity's session waits for the reply (null: its configured request timeout).</param>
public sealed record AccountEnvelope(long AccountId, IMessage Request, TimeSpan? Timeout = null) : IClusterMessage;
