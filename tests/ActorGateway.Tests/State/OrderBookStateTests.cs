using ActorGateway.Protocol.Messages;
using ActorGateway.State;

namespace ActorGateway.Tests.State;

public sealed class OrderBookStateTests
{
    private readonly OrderBookState _book = new();
    private readonly List<(ulong QuoteId, BookProblem Problem)> _rejected = [];

    [Fact]
    public void Apply_sorts_levels_best_first_and_adds_up_quotes_at_one_price()
    {
        _book.Apply(Depth(added: [Bid(1, 108_000, 100), Bid(2, 108_010, 200), Bid(3, 108_000, 50), Ask(4, 108_030, 70), Ask(5, 108_020, 10)]), _rejected);

        var snapshot = _book.Snapshot(1, 1, isLive: true, levels: null, withQuotes: true);
        Assert.Equal([new BookLevel(108_010, 200, 1), new BookLevel(108_000, 150, 2)], snapshot.Bids);
        Assert.Equal([new BookLevel(108_020, 10, 1), new BookLevel(108_030, 70, 1)], snapshot.Asks);
        Assert.Equal(1.0801m, snapshot.BestBid!.Value.Price);
        Assert.Equal(5, snapshot.Quotes!.Count);
        Assert.Empty(_rejected);
    }

    [Fact]
    public void Apply_a_new_quote_with_a_known_id_replaces_it_even_across_sides()
    {
        _book.Apply(Depth(added: [Bid(1, 108_000, 100)]), _rejected);
        _book.Apply(Depth(added: [Ask(1, 108_050, 30)]), _rejected);

        var snapshot = _book.Snapshot(1, 1, true, null, true);
        Assert.Empty(snapshot.Bids);
        Assert.Equal([new BookLevel(108_050, 30, 1)], snapshot.Asks);
        Assert.Equal([new BookQuote(1, false, 108_050, 30)], snapshot.Quotes);
    }

    [Fact]
    public void Apply_a_deleted_id_never_added_is_reported_and_counted_and_the_rest_applies()
    {
        _book.Apply(Depth(added: [Bid(1, 108_000, 100), Bid(2, 107_990, 100)]), _rejected);

        _book.Apply(Depth(added: [Ask(3, 108_020, 5)], deleted: [99, 1]), _rejected);

        Assert.Equal([(99UL, BookProblem.DeletedUnknownQuote)], _rejected);
        Assert.Equal(1, _book.Rejected);
        var snapshot = _book.Snapshot(1, 1, true, null, false);
        Assert.Equal([new BookLevel(107_990, 100, 1)], snapshot.Bids);
        Assert.Equal([new BookLevel(108_020, 5, 1)], snapshot.Asks);
        Assert.Equal(2, snapshot.Version);
    }

    [Fact]
    public void Apply_a_quote_with_no_side_or_both_sides_is_rejected_not_kept()
    {
        var both = new ProtoOADepthQuote { Id = 7, Size = 1, Bid = 1, Ask = 2 };
        var none = new ProtoOADepthQuote { Id = 8, Size = 1 };

        _book.Apply(Depth(added: [both, none]), _rejected);

        Assert.Equal([(7UL, BookProblem.QuoteWithBothSides), (8UL, BookProblem.QuoteWithoutSide)], _rejected);
        Assert.Equal(0, _book.QuoteCount);
    }

    [Fact]
    public void Apply_deleting_one_of_two_quotes_at_a_price_keeps_the_level_with_the_other()
    {
        _book.Apply(Depth(added: [Bid(1, 108_000, 100), Bid(2, 108_000, 40)]), _rejected);
        _book.Apply(Depth(deleted: [1]), _rejected);

        Assert.Equal([new BookLevel(108_000, 40, 1)], _book.Snapshot(1, 1, true, null, false).Bids);
        _book.Apply(Depth(deleted: [2]), _rejected);
        Assert.Null(_book.BestBid);
    }

    [Fact]
    public void Snapshot_levels_keeps_the_best_ones_and_many_levels_grow_the_side()
    {
        var quotes = Enumerable.Range(1, 40).Select(i => Ask((ulong)i, 108_000 + (ulong)(41 - i), 1)).ToArray();
        _book.Apply(Depth(added: quotes), _rejected);

        var top = _book.Snapshot(1, 1, true, levels: 3, false);
        Assert.Equal([108_001UL, 108_002UL, 108_003UL], top.Asks.Select(l => l.RawPrice));
        Assert.Equal(40, _book.Asks.Count);
    }

    internal static ProtoOADepthEvent Depth(ProtoOADepthQuote[]? added = null, ulong[]? deleted = null) => new()
    {
        CtidTraderAccountId = 1, SymbolId = 1, NewQuotes = { added ?? [] }, DeletedQuotes = { deleted ?? [] },
    };

    internal static ProtoOADepthQuote Bid(ulong id, ulong price, ulong size) => new() { Id = id, Bid = price, Size = size };

    internal static ProtoOADepthQuote Ask(ulong id, ulong price, ulong size) => new() { Id = id, Ask = price, Size = size };
}
