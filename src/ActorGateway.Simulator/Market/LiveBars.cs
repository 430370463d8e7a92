using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.ReferenceData;

namespace ActorGateway.Simulator.Market;

/// <summary>The bar being formed, per symbol and period, from live bids; what SpotEvents carry for live-trendbar subscribers.</summary>
internal sealed class LiveBars
{
    private readonly Dictionary<(long Symbol, ProtoOATrendbarPeriod Period), Bar> _bars = [];

    /// <summary>Folds a new bid into every period's current bar of the symbol.</summary>
    public void Update(SymbolSpec symbol, long bid, DateTimeOffset now)
    {
        var minute = now.ToUnixTimeSeconds() / 60;
        foreach (var period in TrendbarPeriods.All)
        {
            var start = TrendbarPeriods.BarStart(period, minute);
            var key = (symbol.Id, period);
            if (!_bars.TryGetValue(key, out var bar) || bar.Start != start)
            {
                _bars[key] = new Bar(start, bid, bid, bid, bid, 1);
                continue;
            }

            _bars[key] = bar with { High = Math.Max(bar.High, bid), Low = Math.Min(bar.Low, bid), Close = bid, Volume = bar.Volume + 1 };
        }
    }

    /// <summary>The current bar, or null before the symbol's first price.</summary>
    public ProtoOATrendbar? Current(long symbolId, ProtoOATrendbarPeriod period) =>
        _bars.TryGetValue((symbolId, period), out var bar)
            ? new ProtoOATrendbar
            {
                Period = period, Low = bar.Low, DeltaOpen = (ulong)(bar.Open - bar.Low), DeltaClose = (ulong)(bar.Close - bar.Low),
                DeltaHigh = (ulong)(bar.High - bar.Low), UtcTimestampInMinutes = (uint)bar.Start, Volume = bar.Volume,
            }
            : null;

    private readonly record struct Bar(long Start, long Open, long High, long Low, long Close, long Volume);
}
