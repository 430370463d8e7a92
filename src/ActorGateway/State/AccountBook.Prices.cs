using ActorGateway.Protocol.Messages;

namespace ActorGateway.State;

internal sealed partial class AccountBook
{
    private const decimal PriceScale = 100_000m; // market-data prices are integers in 1/100000

    private readonly Dictionary<long, (ulong Bid, ulong Ask)> _prices = [];
    private readonly Dictionary<long, (long Base, long Quote)> _assets = [];

    /// <summary>Keeps a symbol's last bid and ask; a side the event leaves out keeps its last value, as the protocol means.</summary>
    public void Apply(ProtoOASpotEvent spot)
    {
        _prices.TryGetValue(spot.SymbolId, out var last);
        _prices[spot.SymbolId] = (spot.HasBid ? spot.Bid : last.Bid, spot.HasAsk ? spot.Ask : last.Ask);
    }

    /// <summary>Learns each symbol's base and quote assets, to convert profit into the deposit currency.</summary>
    public void Apply(ProtoOASymbolsListRes symbols)
    {
        foreach (var symbol in symbols.Symbol)
        {
            if (symbol.HasBaseAssetId && symbol.HasQuoteAssetId)
            {
                _assets[symbol.SymbolId] = (symbol.BaseAssetId, symbol.QuoteAssetId);
            }
        }
    }

    /// <summary>Forgets the last prices (after a gap they may be stale until the spots come again).</summary>
    public void ForgetPrices() => _prices.Clear();

    public AccountSnapshot Snapshot(bool inSync)
    {
        var positions = _positions.Values.OrderBy(p => p.Id).ToArray();
        var pnl = new Dictionary<long, decimal>();
        foreach (var position in positions)
        {
            if (UnrealizedPnL(position) is { } profit)
            {
                pnl[position.Id] = profit;
            }
        }

        return new AccountSnapshot(AccountId, inSync, Balance, MoneyDigits, positions, [.. _orders.Values.OrderBy(o => o.Id)], pnl);
    }

    /// <summary>
    /// Gross profit of closing the position at its symbol's last spot (a buy at the bid, a sell at the ask), in the
    /// deposit currency rounded to the money digits; null without a price or a way to convert.
    /// </summary>
    public decimal? UnrealizedPnL(PositionView position)
    {
        if (!_prices.TryGetValue(position.SymbolId, out var price) || position.EntryPrice is not { } entry)
        {
            return null;
        }

        var buy = position.Side == ProtoOATradeSide.Buy;
        var exitRaw = buy ? price.Bid : price.Ask;
        if (exitRaw == 0 || QuoteToDeposit(position.SymbolId) is not { } rate)
        {
            return null;
        }

        var points = (exitRaw / PriceScale) - (decimal)entry;
        var profit = points * (buy ? 1 : -1) * position.Units * rate;
        return Money.Round(profit, MoneyDigits);
    }

    /// <summary>The value of one unit of the symbol's quote asset in the deposit asset, from the prices at hand.</summary>
    private decimal? QuoteToDeposit(long symbolId)
    {
        if (!_assets.TryGetValue(symbolId, out var assets) || DepositAssetId == 0)
        {
            return null;
        }

        if (assets.Quote == DepositAssetId)
        {
            return 1m;
        }

        foreach (var (symbol, price) in _prices)
        {
            if (!_assets.TryGetValue(symbol, out var pair) || price.Bid == 0 || price.Ask == 0)
            {
                continue;
            }

            var mid = (price.Bid + price.Ask) / 2m / PriceScale;
            if (pair.Base == assets.Quote && pair.Quote == DepositAssetId)
            {
                return mid;
            }

            if (pair.Base == DepositAssetId && pair.Quote == assets.Quote)
            {
                return 1m / mid;
            }
        }

        return null;
    }
}
