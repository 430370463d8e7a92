using System.Collections.Concurrent;
using System.Globalization;
using ActorGateway.Protocol.Messages;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ActorGateway.Cli.Common;

/// <summary>
/// The latest bid and ask of the tracked symbols, fed from spot events on the client's event task and rendered as a
/// table by the console's task.
/// </summary>
internal sealed class QuoteBoard
{
    private const decimal PriceScale = 100_000m;

    private readonly ConcurrentDictionary<long, Quote> _quotes = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _firstQuote = new();
    private long _spotEvents;

    /// <summary>Spot events received for tracked symbols.</summary>
    public long SpotEvents => Interlocked.Read(ref _spotEvents);

    public void Track(long symbolId, string name, int digits)
    {
        _quotes[symbolId] = new Quote(name, digits, null, null, 0);
        _firstQuote.TryAdd(symbolId, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    /// <summary>Completes when the first price of <paramref name="symbolId"/> (the snapshot after subscribing) arrived.</summary>
    public Task FirstQuoteAsync(long symbolId) => _firstQuote[symbolId].Task;

    /// <summary>The latest bid of a tracked symbol as a price, if one arrived.</summary>
    public decimal? Bid(long symbolId) => _quotes.TryGetValue(symbolId, out var q) ? q.Bid / PriceScale : null;

    public void Apply(object message)
    {
        if (message is not ProtoOASpotEvent spot || !_quotes.TryGetValue(spot.SymbolId, out var quote))
        {
            return;
        }

        // A side the event leaves out keeps its previous value (reference 4.4).
        _quotes[spot.SymbolId] = quote with
        {
            Bid = spot.HasBid ? spot.Bid : quote.Bid,
            Ask = spot.HasAsk ? spot.Ask : quote.Ask,
            Updates = quote.Updates + 1,
        };
        Interlocked.Increment(ref _spotEvents);
        if (spot.HasBid || spot.HasAsk)
        {
            _firstQuote[spot.SymbolId].TrySetResult();
        }
    }

    public IRenderable Render()
    {
        var table = new Table().Title("[bold]Live prices[/]").AddColumns("Symbol", "Bid", "Ask", "Spread", "Updates");
        foreach (var quote in _quotes.Values.OrderBy(q => q.Name, StringComparer.Ordinal))
        {
            table.AddRow(quote.Name, Price(quote.Bid, quote.Digits), Price(quote.Ask, quote.Digits),
                quote is { Bid: { } bid, Ask: { } ask } ? Price(ask - bid, quote.Digits) : "-",
                quote.Updates.ToString(CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static string Price(ulong? raw, int digits) =>
        raw is { } value
            ? (value / PriceScale).ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : "-";

    private sealed record Quote(string Name, int Digits, ulong? Bid, ulong? Ask, long Updates);
}
