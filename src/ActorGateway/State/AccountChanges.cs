namespace ActorGateway.State;

/// <summary>Where a change was learnt.</summary>
public enum ChangeSource
{
    /// <summary>From the server's event as it happened.</summary>
    Event,

    /// <summary>
    /// Found by a reconcile after a gap (a reconnect, an account disconnect, a lost event): it happened while the mirror
    /// could not see it, e.g. a position that closed during an outage.
    /// </summary>
    Reconcile,
}

/// <summary>What happened to a working order.</summary>
public enum OrderChangeKind
{
    /// <summary>Accepted by the server; working now.</summary>
    Accepted,

    /// <summary>Amended.</summary>
    Replaced,

    /// <summary>Part of it filled; the rest works on.</summary>
    PartiallyFilled,

    /// <summary>Filled in full; it no longer works.</summary>
    Filled,

    /// <summary>Cancelled.</summary>
    Cancelled,

    /// <summary>Expired (good till date).</summary>
    Expired,

    /// <summary>Rejected.</summary>
    Rejected,

    /// <summary>A cancel request for it was refused; it works on.</summary>
    CancelRejected,

    /// <summary>Found working by a reconcile, never seen accepted.</summary>
    Appeared,

    /// <summary>Gone by a reconcile: filled, cancelled or expired while the mirror could not see which.</summary>
    Gone,
}

/// <summary>A change in a mirrored account.</summary>
public abstract record AccountChange(long AccountId) : StateChange;

/// <summary>A position opened.</summary>
public sealed record PositionOpened(long AccountId, PositionView Position, ChangeSource Source) : AccountChange(AccountId);

/// <summary>A position changed: partly closed, added to, protection amended, margin or swap changed.</summary>
public sealed record PositionChanged(long AccountId, PositionView Position, PositionView Previous, ChangeSource Source)
    : AccountChange(AccountId);

/// <summary>
/// A position closed. <paramref name="Position"/> is its closing state when an event said so, or its last known state
/// when a reconcile found it gone.
/// </summary>
public sealed record PositionClosed(long AccountId, PositionView Position, ChangeSource Source) : AccountChange(AccountId);

/// <summary>
/// A working order changed; <paramref name="Order"/> is its new state, which for an order that stopped working
/// (<see cref="IsFinal"/>) is the last one seen.
/// </summary>
public sealed record OrderChanged(long AccountId, OrderView Order, OrderChangeKind Kind, ChangeSource Source) : AccountChange(AccountId)
{
    /// <summary>True when the order no longer works (filled, cancelled, expired, rejected or gone).</summary>
    public bool IsFinal => Kind is OrderChangeKind.Filled or OrderChangeKind.Cancelled or OrderChangeKind.Expired
        or OrderChangeKind.Rejected or OrderChangeKind.Gone;
}

/// <summary>The balance changed, in the deposit currency; <paramref name="Previous"/> is null the first time it is known.</summary>
public sealed record BalanceChanged(long AccountId, decimal Balance, decimal? Previous, ChangeSource Source) : AccountChange(AccountId);

/// <summary>
/// The mirror matches the server again (or for the first time): positions and orders from a reconcile, the balance from
/// the trader. Every difference found has been published before this.
/// </summary>
public sealed record MirrorInSync(long AccountId) : AccountChange(AccountId);

/// <summary>
/// The mirror may be behind the server (<paramref name="Reason"/> says why) until the next <see cref="MirrorInSync"/>;
/// it goes on applying what arrives.
/// </summary>
public sealed record MirrorOutOfSync(long AccountId, string Reason) : AccountChange(AccountId);
