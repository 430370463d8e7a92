namespace ActorGateway.State;

/// <summary>
/// Something that changed in a mirrored account or an order book, told to subscribers in <see cref="StateChanges"/>
/// batches. Each kind is a record of its own: <see cref="AccountChange"/>s for the mirror, <see cref="BookChange"/>s for
/// the books, and <see cref="ChangesLost"/> where a subscriber's queue overflowed.
/// </summary>
public abstract record StateChange;

/// <summary>
/// A subscriber fell behind by more than its bound and <paramref name="Count"/> changes before the next one were dropped:
/// query the snapshot again rather than rely on the changes alone.
/// </summary>
public sealed record ChangesLost(long Count) : StateChange;
