namespace ActorGateway.State;

/// <summary>What was wrong with one quote of a depth event.</summary>
public enum BookProblem
{
    /// <summary>A deleted quote id the book never held (lost events, or the server's error): nothing was removed.</summary>
    DeletedUnknownQuote,

    /// <summary>A new quote with neither a bid nor an ask price: skipped.</summary>
    QuoteWithoutSide,

    /// <summary>A new quote with both a bid and an ask price, which the protocol rules out: skipped.</summary>
    QuoteWithBothSides,
}

/// <summary>A change in an order book.</summary>
public abstract record BookChange(long AccountId, long SymbolId) : StateChange;

/// <summary>
/// A depth event was applied; the best levels after it (null for an empty side). <paramref name="Rebuilt"/> is set on the
/// first event after the book was cleared: the whole book again.
/// </summary>
public sealed record BookUpdated(long AccountId, long SymbolId, BookLevel? BestBid, BookLevel? BestAsk, long Version, bool Rebuilt)
    : BookChange(AccountId, SymbolId);

/// <summary>The book was emptied (<paramref name="Reason"/>) and waits for the whole book from a fresh subscription.</summary>
public sealed record BookCleared(long AccountId, long SymbolId, string Reason) : BookChange(AccountId, SymbolId);

/// <summary>A depth event held a quote the book could not apply; reported and counted, never thrown.</summary>
public sealed record BookQuoteRejected(long AccountId, long SymbolId, ulong QuoteId, BookProblem Problem) : BookChange(AccountId, SymbolId);
