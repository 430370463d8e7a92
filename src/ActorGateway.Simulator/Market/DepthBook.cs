using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.ReferenceData;

namespace ActorGateway.Simulator.Market;

/// <summary>
/// A synthetic order book per symbol: a few levels each side around the quote, each level a quote with an id. A price
/// change produces the incremental update the protocol carries: quotes that no longer exist by id, and new quotes.
/// </summary>
internal sealed class DepthBook(int levels)
{
    private readonly Dictionary<long, List<ProtoOADepthQuote>> _books = [];
    private ulong _nextQuoteId;

    /// <summary>The symbol's whole book (for a new subscriber's first event).</summary>
    public IReadOnlyList<ProtoOADepthQuote> Snapshot(long symbolId) => _books.TryGetValue(symbolId, out var book) ? book : [];

    /// <summary>Rebuilds the symbol's book around <paramref name="quote"/>; returns the change.</summary>
    public (List<ProtoOADepthQuote> Added, List<ulong> Deleted) Update(SymbolSpec symbol, Quote quote)
    {
        var wanted = new List<(bool Bid, ulong Price, ulong Size)>();
        for (var level = 0; level < levels; level++)
        {
            var offset = level * symbol.PointUnits * Math.Max(1, symbol.SpreadPoints / 2);
            wanted.Add((true, (ulong)(quote.Bid - offset), Size(symbol, quote.Bid - offset, level)));
            wanted.Add((false, (ulong)(quote.Ask + offset), Size(symbol, quote.Ask + offset, level)));
        }

        var old = _books.TryGetValue(symbol.Id, out var existing) ? existing : [];
        var kept = old.Where(q => wanted.Remove((q.HasBid, q.HasBid ? q.Bid : q.Ask, q.Size))).ToList();
        var deleted = old.Except(kept).Select(q => q.Id).ToList();
        var added = wanted.Select(w => NewQuote(w.Bid, w.Price, w.Size)).ToList();
        _books[symbol.Id] = [.. kept, .. added];
        return (added, deleted);
    }

    // Sizes depend only on the price level, so a level whose price did not move keeps its quote id.
    private static ulong Size(SymbolSpec symbol, long price, int level) =>
        (ulong)(symbol.MinVolume * (1 + ((price / symbol.PointUnits) + (level * 7)) % 49));

    private ProtoOADepthQuote NewQuote(bool bid, ulong price, ulong size)
    {
        var quote = new ProtoOADepthQuote { Id = ++_nextQuoteId, Size = size };
        if (bid)
        {
            quote.Bid = price;
        }
        else
        {
            quote.Ask = price;
        }

        return quote;
    }
}
