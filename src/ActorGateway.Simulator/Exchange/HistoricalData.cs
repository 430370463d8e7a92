using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Market;
using ActorGateway.Simulator.ReferenceData;
using ActorGateway.Simulator.Sessions;
using Google.Protobuf;
using static ActorGateway.Simulator.Exchange.ExchangeClients;

namespace ActorGateway.Simulator.Exchange;

/// <summary>Historical data: trendbars and ticks from the generated history, with span limits and hasMore paging.</summary>
internal sealed class HistoricalData(HistoryGenerator history, TimeProvider time)
{
    /// <summary>Bars in one GetTrendbarsRes; older ones are left for the next page (hasMore).</summary>
    internal const int MaxTrendbarsPerResponse = 5000;

    /// <summary>Ticks in one GetTickDataRes; older ones are left for the next page (hasMore).</summary>
    internal const int MaxTicksPerResponse = 1000;

    private const long LatestTimestamp = 2_147_483_646_000;

    public bool TryHandle(ClientState client, IMessage request, string? id)
    {
        IMessage? reply = request switch
        {
            ProtoOAGetTrendbarsReq r => Trendbars(r),
            ProtoOAGetTickDataReq r => TickData(r),
            _ => null,
        };
        if (reply is not null)
        {
            Reply(client, reply, id);
        }

        return reply is not null;
    }

    private IMessage Trendbars(ProtoOAGetTrendbarsReq request)
    {
        var account = request.CtidTraderAccountId;
        if (Catalog.FindSymbol(request.SymbolId) is not { } symbol)
        {
            return ErrorReplies.OA(ProtoOAErrorCode.SymbolNotFound, "Symbol not found", account);
        }

        if (!TrendbarPeriods.IsKnown(request.Period))
        {
            return ErrorReplies.OA(ErrorReplies.NameOf(ProtoErrorCode.InvalidRequest), "Unknown trendbar period", account);
        }

        var maxSpan = (long)TrendbarPeriods.MaxSpan(request.Period).TotalMilliseconds;
        var to = request.HasToTimestamp ? request.ToTimestamp : time.GetUtcNow().ToUnixTimeMilliseconds();
        var from = request.HasFromTimestamp ? request.FromTimestamp : to - maxSpan;
        if (Bounds(from, to, maxSpan, account) is { } outOfBounds)
        {
            return outOfBounds;
        }

        // Bars open in [from, to): the last one may be the bar still forming.
        var end = (Math.Min(to, time.GetUtcNow().ToUnixTimeMilliseconds()) - 1) / 60_000;
        var bars = new List<ProtoOATrendbar>();
        var first = TrendbarPeriods.BarStart(request.Period, from / 60_000);
        for (var start = first; start <= end; start = TrendbarPeriods.NextStart(request.Period, start))
        {
            if (start * 60_000 >= from)
            {
                var barEnd = Math.Min(TrendbarPeriods.NextStart(request.Period, start), end + 1);
                bars.Add(history.Bar(symbol, request.Period, start, barEnd));
            }
        }

        var limit = request.Count > 0 ? Math.Min((int)request.Count, MaxTrendbarsPerResponse) : MaxTrendbarsPerResponse;
        var hasMore = bars.Count > MaxTrendbarsPerResponse && (request.Count == 0 || request.Count > MaxTrendbarsPerResponse);
        return new ProtoOAGetTrendbarsRes
        {
            CtidTraderAccountId = account, Period = request.Period, SymbolId = symbol.Id, HasMore = hasMore,
            Trendbar = { bars.Skip(Math.Max(0, bars.Count - limit)) },
        };
    }

    private IMessage TickData(ProtoOAGetTickDataReq request)
    {
        var account = request.CtidTraderAccountId;
        if (Catalog.FindSymbol(request.SymbolId) is not { } symbol)
        {
            return ErrorReplies.OA(ProtoOAErrorCode.SymbolNotFound, "Symbol not found", account);
        }

        var to = request.HasToTimestamp ? request.ToTimestamp : time.GetUtcNow().ToUnixTimeMilliseconds();
        var from = request.HasFromTimestamp ? request.FromTimestamp : to - 3_600_000;
        if (Bounds(from, to, LatestTimestamp, account) is { } outOfBounds)
        {
            return outOfBounds;
        }

        var spread = request.Type == ProtoOAQuoteType.Ask ? symbol.SpreadPoints * symbol.PointUnits : 0;
        var res = new ProtoOAGetTickDataRes { CtidTraderAccountId = account };
        var firstSecond = (from + 999) / 1000;
        var second = Math.Min(to, time.GetUtcNow().ToUnixTimeMilliseconds()) / 1000;
        second -= second % HistoryGenerator.TickSpacingSeconds;
        long previousTime = 0, previousPrice = 0;
        for (; second >= firstSecond && res.TickData.Count < MaxTicksPerResponse; second -= HistoryGenerator.TickSpacingSeconds)
        {
            if (!history.HasTick(symbol, second))
            {
                continue;
            }

            // Newest first; the first tick is absolute, each later one the difference from the one before it.
            var (time, price) = (second * 1000, history.BidAt(symbol, second) + spread);
            res.TickData.Add(new ProtoOATickData { Timestamp = time - previousTime, Tick = price - previousPrice });
            (previousTime, previousPrice) = (time, price);
        }

        res.HasMore = second >= firstSecond;
        return res;
    }

    private static ProtoOAErrorRes? Bounds(long from, long to, long maxSpan, long account) =>
        from < 0 || to > LatestTimestamp || from > to || to - from > maxSpan
            ? ErrorReplies.OA(ProtoOAErrorCode.IncorrectBoundaries,
                $"fromTimestamp and toTimestamp must satisfy 0 <= from <= to, to - from <= {maxSpan} ms", account)
            : null;
}
