namespace ActorGateway.State;

/// <summary>An order book at one moment, immutable.</summary>
/// <param name="AccountId">The account whose depth subscription feeds it.</param>
/// <param name="SymbolId">The symbol.</param>
/// <param name="IsLive">False while the book waits for the whole book from a fresh subscription (after a start or a gap).</param>
/// <param name="Bids">Bid levels, best (highest) first.</param>
/// <param name="Asks">Ask levels, best (lowest) first.</param>
/// <param name="Quotes">The individual quotes by id, when asked for; null otherwise.</param>
/// <param name="Version">How many depth events the book has applied.</param>
/// <param name="RejectedQuotes">How many quotes could not be applied so far (see <see cref="BookQuoteRejected"/>).</param>
public sealed record BookSnapshot(
    long AccountId,
    long SymbolId,
    bool IsLive,
    IReadOnlyList<BookLevel> Bids,
    IReadOnlyList<BookLevel> Asks,
    IReadOnlyList<BookQuote>? Quotes,
    long Version,
    long RejectedQuotes)
{
    /// <summary>The best bid, if any.</summary>
    public BookLevel? BestBid => Bids.Count > 0 ? Bids[0] : null;

    /// <summary>The best ask, if any.</summary>
    public BookLevel? BestAsk => Asks.Count > 0 ? Asks[0] : null;
}
