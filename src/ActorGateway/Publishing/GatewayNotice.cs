namespace ActorGateway.Publishing;

/// <summary>
/// Something a subscriber is told besides the events it asked for: a gap in its stream, or a change of the connection
/// or session. Notices are never dropped for lack of room.
/// </summary>
public abstract record GatewayNotice;

/// <summary>Events were lost before the next item: <paramref name="Count"/> of them (null when unknown), and why.</summary>
public sealed record EventsLost(long? Count, GapReason Reason) : GatewayNotice;

/// <summary>The connection to <paramref name="Endpoint"/> is up (before the session has restored it).</summary>
public sealed record ConnectionEstablished(GatewayEndpoint Endpoint) : GatewayNotice;

/// <summary>The connection was lost; events of the outage are lost and subscriptions will be restored.</summary>
public sealed record ConnectionLost(GatewayEndpoint Endpoint, GatewayConnectionException Reason) : GatewayNotice;

/// <summary>After a reconnect the session has authorized everything again and renewed every subscription.</summary>
public sealed record SessionRestored(int Reconnects) : GatewayNotice;

/// <summary>An account's open positions and pending orders, as the server holds them after a reconnect.</summary>
public sealed record AccountReconciled(long AccountId, Protocol.Messages.ProtoOAReconcileRes Snapshot) : GatewayNotice;

/// <summary>The server ended an account's session (AccountDisconnectEvent); the session authorizes it again.</summary>
public sealed record AccountDisconnected(long AccountId) : GatewayNotice;

/// <summary>The accounts' access token stopped working; <paramref name="Refreshing"/> says whether the session renews it.</summary>
public sealed record AccountTokenInvalidated(IReadOnlyList<long> AccountIds, string Reason, bool Refreshing) : GatewayNotice;

/// <summary>The session could not get an account back; its requests fail with <paramref name="Error"/> until fixed.</summary>
public sealed record AccountUnavailable(long AccountId, GatewayException Error) : GatewayNotice;
