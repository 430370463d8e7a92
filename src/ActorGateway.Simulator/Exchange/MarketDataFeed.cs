using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Market;
using ActorGateway.Simulator.ReferenceData;
using ActorGateway.Simulator.Sessions;
using Google.Protobuf;
using static ActorGateway.Simulator.Exchange.ExchangeClients;

namespace ActorGateway.Simulator.Exchange;

/// <summary>Live market data: spot, live-trendbar and depth subscriptions, and the fan-out on each market tick.</summary>
internal sealed class MarketDataFeed(ExchangeClients clients, PriceWalk prices, int depthLevels, TimeProvider time)
{
    private readonly DepthBook _depth = new(depthLevels);
    private readonly LiveBars _liveBars = new();

    public bool TryHandle(ClientState client, IMessage request, string? id)
    {
        switch (request)
        {
            case ProtoOASubscribeSpotsReq r:
                SubscribeSpots(client, r, id);
                return true;
            case ProtoOAUnsubscribeSpotsReq r:
                Reply(client, UnsubscribeSpots(client, r), id);
                return true;
            case ProtoOASubscribeLiveTrendbarReq r:
                Reply(client, SubscribeLiveTrendbar(client, r), id);
                return true;
            case ProtoOAUnsubscribeLiveTrendbarReq r:
                client.LiveTrendbars.Remove((r.CtidTraderAccountId, r.SymbolId, r.Period));
                Reply(client, new ProtoOAUnsubscribeLiveTrendbarRes { CtidTraderAccountId = r.CtidTraderAccountId }, id);
                return true;
            case ProtoOASubscribeDepthQuotesReq r:
                SubscribeDepth(client, r, id);
                return true;
            case ProtoOAUnsubscribeDepthQuotesReq r:
                r.SymbolId.ToList().ForEach(s => client.Depth.Remove((r.CtidTraderAccountId, s)));
                Reply(client, new ProtoOAUnsubscribeDepthQuotesRes { CtidTraderAccountId = r.CtidTraderAccountId }, id);
                return true;
            default:
                return false;
        }
    }

    private void SubscribeSpots(ClientState client, ProtoOASubscribeSpotsReq request, string? id)
    {
        var account = request.CtidTraderAccountId;
        if (UnknownSymbol(request.SymbolId, account) is { } unknown)
        {
            Reply(client, unknown, id);
            return;
        }

        if (request.SymbolId.Any(s => client.Spots.ContainsKey((account, s))))
        {
            Reply(client, ErrorReplies.OA(ProtoOAErrorCode.AlreadySubscribed, "Already subscribed to spots of this symbol", account), id);
            return;
        }

        Reply(client, new ProtoOASubscribeSpotsRes { CtidTraderAccountId = account }, id);
        foreach (var symbolId in request.SymbolId.Distinct())
        {
            client.Spots[(account, symbolId)] = request.SubscribeToSpotTimestamp;
            Reply(client, SpotEvent(client, account, Catalog.FindSymbol(symbolId)!), null);
        }
    }

    private static IMessage UnsubscribeSpots(ClientState client, ProtoOAUnsubscribeSpotsReq request)
    {
        var account = request.CtidTraderAccountId;
        if (request.SymbolId.Any(s => !client.Spots.ContainsKey((account, s))))
        {
            return ErrorReplies.OA(ProtoOAErrorCode.NotSubscribedToSpots, "Not subscribed to spots of this symbol", account);
        }

        foreach (var symbolId in request.SymbolId)
        {
            client.Spots.Remove((account, symbolId));
            client.LiveTrendbars.RemoveWhere(t => t.Account == account && t.Symbol == symbolId);
        }

        return new ProtoOAUnsubscribeSpotsRes { CtidTraderAccountId = account };
    }

    private static IMessage SubscribeLiveTrendbar(ClientState client, ProtoOASubscribeLiveTrendbarReq request)
    {
        var account = request.CtidTraderAccountId;
        if (UnknownSymbol([request.SymbolId], account) is { } unknown)
        {
            return unknown;
        }

        if (!client.Spots.ContainsKey((account, request.SymbolId)))
        {
            return ErrorReplies.OA(ProtoOAErrorCode.NotSubscribedToSpots, "Subscribe to spots of the symbol first", account);
        }

        return client.LiveTrendbars.Add((account, request.SymbolId, request.Period))
            ? new ProtoOASubscribeLiveTrendbarRes { CtidTraderAccountId = account }
            : ErrorReplies.OA(ProtoOAErrorCode.AlreadySubscribed, "Already subscribed to this trendbar", account);
    }

    private void SubscribeDepth(ClientState client, ProtoOASubscribeDepthQuotesReq request, string? id)
    {
        var account = request.CtidTraderAccountId;
        if (UnknownSymbol(request.SymbolId, account) is { } unknown)
        {
            Reply(client, unknown, id);
            return;
        }

        Reply(client, new ProtoOASubscribeDepthQuotesRes { CtidTraderAccountId = account }, id);
        foreach (var symbolId in request.SymbolId.Distinct().Where(s => client.Depth.Add((account, s))))
        {
            var symbol = Catalog.FindSymbol(symbolId)!;
            if (_depth.Snapshot(symbolId).Count == 0)
            {
                _depth.Update(symbol, prices[symbol]);
            }

            var snapshot = new ProtoOADepthEvent { CtidTraderAccountId = account, SymbolId = (ulong)symbolId };
            snapshot.NewQuotes.AddRange(_depth.Snapshot(symbolId).Select(q => q.Clone()));
            Reply(client, snapshot, null);
        }
    }

    /// <summary>Moves the prices one step and sends every subscriber its updates; returns the symbols whose price changed.</summary>
    public List<SymbolSpec> Tick()
    {
        var now = time.GetUtcNow();
        var changed = prices.Step();
        var depthChanges = new Dictionary<long, (List<ProtoOADepthQuote> Added, List<ulong> Deleted)>();
        foreach (var symbol in changed)
        {
            _liveBars.Update(symbol, prices[symbol].Bid, now);
            depthChanges[symbol.Id] = _depth.Update(symbol, prices[symbol]);
        }

        foreach (var client in clients.All)
        {
            foreach (var symbol in changed)
            {
                PublishTick(client, symbol, depthChanges[symbol.Id]);
            }
        }

        return changed;
    }

    private void PublishTick(ClientState client, SymbolSpec symbol, (List<ProtoOADepthQuote> Added, List<ulong> Deleted) depth)
    {
        foreach (var (account, _) in client.Spots.Keys.Where(k => k.Symbol == symbol.Id))
        {
            Reply(client, SpotEvent(client, account, symbol), null);
        }

        foreach (var (account, _) in client.Depth.Where(k => k.Symbol == symbol.Id))
        {
            var update = new ProtoOADepthEvent { CtidTraderAccountId = account, SymbolId = (ulong)symbol.Id,
                DeletedQuotes = { depth.Deleted } };
            update.NewQuotes.AddRange(depth.Added);
            Reply(client, update, null);
        }
    }

    private ProtoOASpotEvent SpotEvent(ClientState client, long account, SymbolSpec symbol)
    {
        var quote = prices[symbol];
        var spot = new ProtoOASpotEvent { CtidTraderAccountId = account, SymbolId = symbol.Id, Bid = (ulong)quote.Bid,
            Ask = (ulong)quote.Ask };
        if (client.Spots.GetValueOrDefault((account, symbol.Id)))
        {
            spot.Timestamp = time.GetUtcNow().ToUnixTimeMilliseconds();
        }

        foreach (var (_, _, period) in client.LiveTrendbars.Where(t => t.Account == account && t.Symbol == symbol.Id))
        {
            if (_liveBars.Current(symbol.Id, period) is { } bar)
            {
                spot.Trendbar.Add(bar);
            }
        }

        return spot;
    }

    private static ProtoOAErrorRes? UnknownSymbol(IEnumerable<long> symbolIds, long account) =>
        symbolIds.Any(s => Catalog.FindSymbol(s) is null)
            ? ErrorReplies.OA(ProtoOAErrorCode.SymbolNotFound, "Symbol not found", account)
            : null;
}
