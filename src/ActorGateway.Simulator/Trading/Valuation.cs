using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Market;
using ActorGateway.Simulator.ReferenceData;

namespace ActorGateway.Simulator.Trading;

/// <summary>What trades and positions are worth at the live quote: execution prices, profit, margin.</summary>
internal sealed class Valuation(PriceWalk prices)
{
    /// <summary>How many USD one unit of the asset is worth now.</summary>
    public double UsdValue(long assetId) => prices.UsdValue(assetId);

    /// <summary>The price a new trade on <paramref name="side"/> executes at: the ask for a buy, the bid for a sell.</summary>
    public double EntryPrice(SymbolSpec symbol, ProtoOATradeSide side) =>
        Math.Round(side == ProtoOATradeSide.Buy ? prices[symbol].AskPrice : prices[symbol].BidPrice, symbol.Digits);

    /// <summary>The price a position on <paramref name="side"/> would close at.</summary>
    public double ExitPrice(SymbolSpec symbol, ProtoOATradeSide side) =>
        EntryPrice(symbol, side == ProtoOATradeSide.Buy ? ProtoOATradeSide.Sell : ProtoOATradeSide.Buy);

    /// <summary>Profit of closing <paramref name="volume"/> of a position at <paramref name="price"/>, in money units.</summary>
    public long Profit(Account account, ProtoOAPosition position, SymbolSpec symbol, double price, long volume)
    {
        var sign = position.TradeData.TradeSide == ProtoOATradeSide.Buy ? 1 : -1;
        return account.ToMoney((price - position.Price) * sign * (volume / 100d) * prices.UsdValue(symbol.QuoteAssetId));
    }

    /// <summary>The margin <paramref name="volume"/> of the symbol uses, in money units: notional in USD over leverage.</summary>
    public long Margin(SymbolSpec symbol, long volume, Account account) =>
        account.ToMoney(volume / 100d * prices.UsdValue(symbol.BaseAssetId) / account.Options.Leverage);

    public long UnrealizedProfit(Account account, ProtoOAPosition position)
    {
        var symbol = Catalog.FindSymbol(position.TradeData.SymbolId)!;
        return Profit(account, position, symbol, ExitPrice(symbol, position.TradeData.TradeSide), position.TradeData.Volume);
    }

    public long FreeMargin(Account account) =>
        account.Balance + account.Positions.Values.Sum(p => UnrealizedProfit(account, p))
            - account.Positions.Values.Sum(p => (long)p.UsedMargin);
}
