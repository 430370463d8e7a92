namespace ActorGateway.Cluster.Lease;

/// <summary>One lease as the database holds it.</summary>
/// <param name="Name">The lease's name, e.g. <c>actorgateway-shard-account-7</c>.</param>
/// <param name="Owner">The holder (a node's host:port), current or last.</param>
/// <param name="ExpiresAt">When it expires unless renewed, by the database's clock.</param>
/// <param name="AcquiredAt">When the current owner took it, by the database's clock.</param>
/// <param name="Held">True when it had not expired at the moment it was read.</param>
public sealed record LeaseRow(string Name, string Owner, DateTimeOffset ExpiresAt, DateTimeOffset AcquiredAt, bool Held);
