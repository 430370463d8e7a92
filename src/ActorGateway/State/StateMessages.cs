using Akka.Actor;

namespace ActorGateway.State;

/// <summary>
/// Told to a mirror or a book actor: <paramref name="Subscriber"/> receives its changes as <see cref="StateChanges"/>
/// until it stops or unsubscribes. Answered with <see cref="StateChangesSubscribed"/>. Each batch must be answered with
/// <see cref="StateChangesAck"/>; until it is, later changes wait (at most a bound, the oldest dropped and reported as
/// <see cref="ChangesLost"/>), so a slow subscriber never fills its mailbox.
/// </summary>
public sealed record SubscribeStateChanges(IActorRef Subscriber);

/// <summary>Told to a mirror or a book actor: <paramref name="Subscriber"/> receives nothing more.</summary>
public sealed record UnsubscribeStateChanges(IActorRef Subscriber);

/// <summary>The answer to <see cref="SubscribeStateChanges"/>: changes flow from the next one on.</summary>
public sealed record StateChangesSubscribed(IActorRef Subscriber);

/// <summary>Changes in the order they happened; answer with <see cref="StateChangesAck"/> once handled.</summary>
public sealed record StateChanges(IReadOnlyList<StateChange> Items);

/// <summary>A subscriber's answer to <see cref="StateChanges"/>: it is ready for the next batch.</summary>
public sealed record StateChangesAck
{
    /// <summary>The one instance.</summary>
    public static readonly StateChangesAck Instance = new();
}

/// <summary>
/// Told to a mirror actor: answered with the <see cref="AccountSnapshot"/> as it stands, or with
/// <paramref name="WhenInSync"/> as soon as it is in sync (at once if it is).
/// </summary>
public sealed record GetAccountSnapshot(bool WhenInSync = false)
{
    /// <summary>The snapshot as it stands.</summary>
    public static readonly GetAccountSnapshot Now = new();
}

/// <summary>
/// Told to a book actor: answered with a <see cref="BookSnapshot"/> of the best <paramref name="Levels"/> levels a side
/// (null: all), with the individual quotes when <paramref name="WithQuotes"/> is set; with <paramref name="WhenLive"/>
/// only once the book is live (at once if it is).
/// </summary>
public sealed record GetBookSnapshot(int? Levels = null, bool WithQuotes = false, bool WhenLive = false);

/// <summary>
/// Told to the state actor of a session (<see cref="Session.IGatewaySession.StateKeeper"/>): start mirroring the account,
/// unless already done. Answered with <see cref="AccountMirrorStarted"/> once the mirror exists (its first snapshot may
/// still be loading: ask it, or subscribe and wait for <see cref="MirrorInSync"/>).
/// </summary>
public sealed record MirrorAccount(long AccountId);

/// <summary>The mirror of <paramref name="AccountId"/> is the actor <paramref name="Mirror"/>.</summary>
public sealed record AccountMirrorStarted(long AccountId, IActorRef Mirror);

/// <summary>
/// Told to the state actor of a session: keep an order book of the symbol from its depth quotes (the book subscribes to
/// them itself, afresh, so its first event is the whole book). Answered with <see cref="OrderBookStarted"/>.
/// </summary>
public sealed record StartOrderBook(long AccountId, long SymbolId);

/// <summary>The order book of (<paramref name="AccountId"/>, <paramref name="SymbolId"/>) is the actor <paramref name="Book"/>.</summary>
public sealed record OrderBookStarted(long AccountId, long SymbolId, IActorRef Book);

/// <summary>
/// Told to a mirror or a book actor: answered with <see cref="CaughtUp"/> once it has applied everything the server sent
/// before this was told (a marker request's reply has come through its stream), or with <c>Status.Failure</c> when the
/// marker could not be sent. Read your own writes: after an order's reply, catch up, then read the snapshot.
/// </summary>
public sealed record CatchUp
{
    /// <summary>The one instance.</summary>
    public static readonly CatchUp Instance = new();
}

/// <summary>The answer to <see cref="CatchUp"/>.</summary>
public sealed record CaughtUp
{
    /// <summary>The one instance.</summary>
    public static readonly CaughtUp Instance = new();
}
