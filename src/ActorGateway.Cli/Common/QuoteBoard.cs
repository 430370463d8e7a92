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
    private volatile string? _status;

    /// <summary>Spot events received for tracked symbols.</summary>
    public long SpotEvents => Interlocked.Read(ref _spotEvents);

    /// <summary>The latest word about the connection ("reconnected..."), shown under the table.</summary>
    public string? Status
    {
        get => _status;
        set => _status = value;
    }

    public void Track(long symbolId, string name, int digits)
    {
        _quotes[symbolId] = new Quote(name, digits, null, null, 0);
        _firstQuote.TryAdd(symbolId, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    /// <summary>Completes when the first price of <paramref name="symbolId"/> (the snapshot after subscribing) arrived.</summary>
    public Task FirstQuoteAsync(long symbolId) => _firstQuote[symbolId].Task;

    /// <summary>The latest bid of a tracked symbol as a price, if one arrived.</summary>
    public decimal? Bid(long symbolId) => _quotes.TryGetValue(symbolId, out var q) ? q.Bid / PriceScale : null;

    public void Apply(ProtoOASpotEvent spot)
    {
        if (!_quotes.TryGetValue(spot.SymbolId, out var quote))
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

        return Status is { } status ? table.Caption(Markup.Escape(status)) : table;
    }

    /// <summary>One symbol's quote as a plain line, e.g. <c>EURUSD bid 1.08123 ask 1.08125</c>; null for an untracked symbol.</summary>
    public string? Line(long symbolId) =>
        _quotes.TryGetValue(symbolId, out var q) ? $"{q.Name} bid {Price(q.Bid, q.Digits)} ask {Price(q.Ask, q.Digits)}" : null;

    /// <summary>Every tracked symbol's quote on one plain line.</summary>
    public string Snapshot() => "prices: " + string.Join(", ", _quotes.Values.OrderBy(q => q.Name, StringComparer.Ordinal)
        .Select(q => $"{q.Name} {Price(q.Bid, q.Digits)}/{Price(q.Ask, q.Digits)}"));

    private static string Price(ulong? raw, int digits) =>
        raw is { } value
            ? (value / PriceScale).ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : "-";

    private sealed record Quote(string Name, int Digits, ulong? Bid, ulong? Ask, long Updates);
}
