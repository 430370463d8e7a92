using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.ReferenceData;
using ActorGateway.Simulator.Sessions;
using ActorGateway.Simulator.Trading;
using Google.Protobuf;
using static ActorGateway.Simulator.Exchange.ExchangeClients;

namespace ActorGateway.Simulator.Exchange;

/// <summary>Reference data: assets, classes, categories, symbols, conversion chains, the trader.</summary>
internal sealed class ReferenceDataRequests(TradingDesk desk)
{
    // One delisted symbol, so clients can exercise includeArchivedSymbols.
    private static readonly ProtoOAArchivedSymbol Archived = new()
    {
        SymbolId = 100, Name = "USDRUB", Description = "US Dollar vs Russian Ruble", UtcLastUpdateTimestamp = 1_646_092_800_000,
    };

    public bool TryHandle(ClientState client, IMessage request, string? id)
    {
        IMessage? reply = request switch
        {
            ProtoOAAssetListReq r => new ProtoOAAssetListRes { CtidTraderAccountId = r.CtidTraderAccountId, Asset = { Catalog.Assets } },
            ProtoOAAssetClassListReq r => new ProtoOAAssetClassListRes { CtidTraderAccountId = r.CtidTraderAccountId,
                AssetClass = { Catalog.AssetClasses } },
            ProtoOASymbolCategoryListReq r => new ProtoOASymbolCategoryListRes
            {
                CtidTraderAccountId = r.CtidTraderAccountId, SymbolCategory = { Catalog.Categories },
            },
            ProtoOASymbolsListReq r => SymbolsList(r),
            ProtoOASymbolByIdReq r => SymbolById(r),
            ProtoOASymbolsForConversionReq r => SymbolsForConversion(r),
            ProtoOATraderReq r => new ProtoOATraderRes { CtidTraderAccountId = r.CtidTraderAccountId,
                Trader = desk.Get(r.CtidTraderAccountId).ToTrader() },
            _ => null,
        };
        if (reply is not null)
        {
            Reply(client, reply, id);
        }

        return reply is not null;
    }

    private static ProtoOASymbolsListRes SymbolsList(ProtoOASymbolsListReq request)
    {
        var res = new ProtoOASymbolsListRes { CtidTraderAccountId = request.CtidTraderAccountId,
            Symbol = { Catalog.Symbols.Select(Catalog.ToLight) } };
        if (request.IncludeArchivedSymbols)
        {
            res.ArchivedSymbol.Add(Archived);
        }

        return res;
    }

    private static IMessage SymbolById(ProtoOASymbolByIdReq request)
    {
        var found = request.SymbolId.Select(Catalog.FindSymbol).OfType<SymbolSpec>().ToList();
        var archived = request.SymbolId.Contains(Archived.SymbolId);
        if (found.Count == 0 && !archived)
        {
            return ErrorReplies.OA(ProtoOAErrorCode.SymbolNotFound, "None of the requested symbols exists", request.CtidTraderAccountId);
        }

        var res = new ProtoOASymbolByIdRes { CtidTraderAccountId = request.CtidTraderAccountId, Symbol = { found.Select(Catalog.ToFull) } };
        if (archived)
        {
            res.ArchivedSymbol.Add(Archived);
        }

        return res;
    }

    /// <summary>The shortest chain of symbols linking two assets (breadth-first over the symbol graph).</summary>
    private static IMessage SymbolsForConversion(ProtoOASymbolsForConversionReq request)
    {
        var (from, to) = (request.FirstAssetId, request.LastAssetId);
        var via = new Dictionary<long, SymbolSpec?> { [from] = null };
        var queue = new Queue<long>([from]);
        while (queue.Count > 0 && !via.ContainsKey(to))
        {
            var asset = queue.Dequeue();
            foreach (var symbol in Catalog.Symbols.Where(s => s.BaseAssetId == asset || s.QuoteAssetId == asset))
            {
                var other = symbol.BaseAssetId == asset ? symbol.QuoteAssetId : symbol.BaseAssetId;
                if (via.TryAdd(other, symbol))
                {
                    queue.Enqueue(other);
                }
            }
        }

        if (!via.ContainsKey(to) || from == to)
        {
            return ErrorReplies.OA(ProtoOAErrorCode.SymbolNotFound, "No conversion chain links these assets", request.CtidTraderAccountId);
        }

        var chain = new List<SymbolSpec>();
        for (var asset = to; via[asset] is { } step; asset = step.BaseAssetId == asset ? step.QuoteAssetId : step.BaseAssetId)
        {
            chain.Insert(0, step);
        }

        return new ProtoOASymbolsForConversionRes { CtidTraderAccountId = request.CtidTraderAccountId,
            Symbol = { chain.Select(Catalog.ToLight) } };
    }
}
