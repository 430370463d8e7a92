using System.Runtime.InteropServices;
using ActorGateway.Protocol.Messages;

namespace ActorGateway.State;

/// <summary>
/// One symbol's book, kept from depth events: quotes by id, and per side the price levels they make, sorted. A new
/// quote with a known id replaces it; a deleted id the book never held is counted and handed back, never thrown.
/// Owned by one book actor; not thread-safe.
/// </summary>
internal sealed class OrderBookState
{
    private readonly Dictionary<ulong, BookQuote> _quotes = [];

    public BookSide Bids { get; } = new(descending: true);

    public BookSide Asks { get; } = new(descending: false);

    /// <summary>How many depth events have been applied since the book was created.</summary>
    public long Version { get; private set; }

    /// <summary>How many quotes could not be applied since the book was created.</summary>
    public long Rejected { get; private set; }

    public int QuoteCount => _quotes.Count;

    public BookLevel? BestBid => Bids.Count > 0 ? Bids[0] : null;

    public BookLevel? BestAsk => Asks.Count > 0 ? Asks[0] : null;

    /// <summary>
    /// Applies a depth event: its deletions first, then its new quotes (so an id deleted and sent again in one event stays,
    /// as its latest word). Quotes that cannot be applied are appended to <paramref name="rejected"/>.
    /// </summary>
    public void Apply(ProtoOADepthEvent depth, List<(ulong QuoteId, BookProblem Problem)> rejected)
    {
        foreach (var id in depth.DeletedQuotes)
        {
            if (_quotes.Remove(id, out var gone))
            {
                SideOf(gone.IsBid).Remove(gone.RawPrice, gone.Size);
            }
            else
            {
                Reject(id, BookProblem.DeletedUnknownQuote, rejected);
            }
        }

        foreach (var quote in depth.NewQuotes)
        {
            if (quote.HasBid == quote.HasAsk)
            {
                Reject(quote.Id, quote.HasBid ? BookProblem.QuoteWithBothSides : BookProblem.QuoteWithoutSide, rejected);
                continue;
            }

            // One lookup for both cases: a new id, or a known one whose quote is replaced.
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_quotes, quote.Id, out var known);
            if (known)
            {
                SideOf(slot.IsBid).Remove(slot.RawPrice, slot.Size);
            }

            slot = new BookQuote(quote.Id, quote.HasBid, quote.HasBid ? quote.Bid : quote.Ask, quote.Size);
            SideOf(slot.IsBid).Add(slot.RawPrice, slot.Size);
        }

        Version++;
    }

    public void Clear()
    {
        _quotes.Clear();
        Bids.Clear();
        Asks.Clear();
    }

    public BookSnapshot Snapshot(long accountId, long symbolId, bool isLive, int? levels, bool withQuotes) =>
        new(accountId, symbolId, isLive, Bids.Top(levels), Asks.Top(levels),
            withQuotes ? [.. _quotes.Values.OrderBy(q => q.Id)] : null, Version, Rejected);

    private BookSide SideOf(bool isBid) => isBid ? Bids : Asks;

    private void Reject(ulong id, BookProblem problem, List<(ulong, BookProblem)> rejected)
    {
        Rejected++;
        rejected.Add((id, problem));
    }
}
