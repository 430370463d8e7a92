using ActorGateway.Simulator.ReferenceData;

namespace ActorGateway.Simulator.Market;

/// <summary>
/// The live market: one seeded random walk per symbol, starting from the generated history at start time. Each
/// <see cref="Step"/> moves some symbols by a normally distributed number of points; the same seed and the same number of
/// steps give the same prices.
/// </summary>
internal sealed class PriceWalk
{
    private readonly Random[] _random;
    private readonly Quote[] _quotes;

    public PriceWalk(int seed, HistoryGenerator history, DateTimeOffset start)
    {
        var symbols = Catalog.Symbols;
        _random = [.. symbols.Select(s => new Random(unchecked((seed * 1_000_003) + (int)s.Id)))];
        _quotes = [.. symbols.Select(s => QuoteAt(s, history.BidAt(s, start.ToUnixTimeSeconds())))];
    }

    public Quote this[SymbolSpec symbol] => _quotes[symbol.Id - 1];

    /// <summary>Moves the market one tick; returns the symbols whose price changed.</summary>
    public List<SymbolSpec> Step()
    {
        var changed = new List<SymbolSpec>();
        foreach (var symbol in Catalog.Symbols)
        {
            var random = _random[symbol.Id - 1];
            if (random.NextDouble() < 0.3)
            {
                continue;
            }

            var points = (long)Math.Round(Gaussian(random) * Math.Max(2, symbol.SpreadPoints / 2));
            if (points == 0)
            {
                continue;
            }

            var bid = Math.Max(symbol.PointUnits, _quotes[symbol.Id - 1].Bid + (points * symbol.PointUnits));
            _quotes[symbol.Id - 1] = QuoteAt(symbol, bid);
            changed.Add(symbol);
        }

        return changed;
    }

    /// <summary>The value of one unit of <paramref name="assetId"/> in USD at mid prices; 0 when no symbol links it to USD.</summary>
    public double UsdValue(long assetId)
    {
        if (assetId == Catalog.Usd)
        {
            return 1;
        }

        foreach (var symbol in Catalog.Symbols)
        {
            if (symbol.BaseAssetId == assetId && symbol.QuoteAssetId == Catalog.Usd)
            {
                return this[symbol].Mid;
            }

            if (symbol.QuoteAssetId == assetId && symbol.BaseAssetId == Catalog.Usd)
            {
                return 1 / this[symbol].Mid;
            }
        }

        return 0;
    }

    private static Quote QuoteAt(SymbolSpec symbol, long bid) => new(bid, bid + (symbol.SpreadPoints * symbol.PointUnits));

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
