namespace ActorGateway.Session;

/// <summary>What a session's facade shares with its actor: the subscription book and the status.</summary>
internal sealed record SessionParts(SubscriptionBook Book, SessionStatus Status);
