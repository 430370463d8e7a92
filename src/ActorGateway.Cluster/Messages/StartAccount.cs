namespace ActorGateway.Cluster.Messages;

/// <summary>
/// Starts the entity of an account without a request (sent at boot for the configured accounts); the entity answers
/// <see cref="AccountStarted"/> once it runs. Sharding remembers it from then on.
/// </summary>
/// <param name="AccountId">The ctidTraderAccountId.</param>
public sealed record StartAccount(long AccountId) : IClusterMessage;

/// <summary>The answer to <see cref="StartAccount"/>: the account's entity runs (it may still be reconciling).</summary>
/// <param name="AccountId">The ctidTraderAccountId.</param>
public sealed record AccountStarted(long AccountId) : IClusterMessage;
