using Akka.Actor;
using Microsoft.Extensions.Logging;

namespace ActorGateway.State;

/// <summary>
/// Task code's handle on a symbol's order book (from <see cref="Session.IGatewaySession.OpenOrderBookAsync"/>), kept by
/// the book actor (<see cref="Actor"/>, for actors: Tell it <see cref="GetBookSnapshot"/> or
/// <see cref="SubscribeStateChanges"/>).
/// </summary>
public sealed class OrderBook
{
    private readonly ActorSystem _system;
    private readonly TimeSpan _timeout;
    private readonly ILogger _log;

    internal OrderBook(long accountId, long symbolId, IActorRef actor, ActorSystem system, TimeSpan timeout, ILogger log)
    {
        AccountId = accountId;
        SymbolId = symbolId;
        Actor = actor;
        _system = system;
        _timeout = timeout;
        _log = log;
    }

    /// <summary>The account whose depth subscription feeds the book.</summary>
    public long AccountId { get; }

    /// <summary>The symbol.</summary>
    public long SymbolId { get; }

    /// <summary>The book actor.</summary>
    public IActorRef Actor { get; }

    /// <summary>The book now: the best <paramref name="levels"/> levels a side (null: all), with quotes if asked.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="levels"/> is not positive.</exception>
    /// <exception cref="GatewayTimeoutException">The book did not answer within the session's request timeout.</exception>
    public Task<BookSnapshot> GetSnapshotAsync(int? levels = null, bool withQuotes = false, CancellationToken cancellationToken = default)
    {
        if (levels is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(levels), levels, "A book has at least one level to show.");
        }

        return StateQuery.AskAsync<BookSnapshot>(Actor, new GetBookSnapshot(levels, withQuotes), "The order book", _timeout, cancellationToken);
    }

    /// <summary>
    /// Completes once everything the server sent before the call has been applied: after an order's reply, the snapshot
    /// that follows shows it.
    /// </summary>
    /// <exception cref="GatewayException">The marker request failed (no connection within the session's request timeout).</exception>
    public Task CatchUpAsync(CancellationToken cancellationToken = default) =>
        StateQuery.AskAsync<CaughtUp>(Actor, CatchUp.Instance, "The order book", _timeout, cancellationToken);

    /// <summary>
    /// Hands every change from the moment the returned task completes to <paramref name="callback"/> (<see cref="BookUpdated"/>, <see cref="BookCleared"/>,
    /// <see cref="BookQuoteRejected"/>), in order, never two at once, on an actor of its own.
    /// </summary>
    /// <exception cref="GatewayTimeoutException">The subscription was not in place within the session's request timeout.</exception>
    public Task<ChangeWatch> WatchAsync(Action<StateChange> callback, CancellationToken cancellationToken = default) =>
        ChangeWatch.StartAsync(_system, Actor, callback, _log, _timeout, cancellationToken);
}
