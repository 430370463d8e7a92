using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.ReferenceData;
using Google.Protobuf;
using static ActorGateway.Simulator.Trading.TradeEvents;

namespace ActorGateway.Simulator.Trading;

/// <summary>Executions at the live quote: a fill opens a position, or reduces or closes the one a closing order names.</summary>
internal sealed class Fills(TradeIds ids, Valuation valuation, TimeProvider time)
{
    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Fills an order at the current quote: opens a position, or reduces or closes the one a closing order names.</summary>
    public List<IMessage> Fill(Account account, ProtoOAOrder order, SymbolSpec symbol, bool serverEvent)
    {
        var side = order.TradeData.TradeSide;
        var price = valuation.EntryPrice(symbol, side);
        order.OrderStatus = ProtoOAOrderStatus.OrderStatusFilled;
        order.ExecutionPrice = price;
        order.ExecutedVolume = order.TradeData.Volume;
        order.UtcLastUpdateTimestamp = Now;
        account.PendingOrders.Remove(order.OrderId);
        var deal = new ProtoOADeal
        {
            DealId = ids.NextDealId(), OrderId = order.OrderId, Volume = order.TradeData.Volume, FilledVolume = order.TradeData.Volume,
            SymbolId = symbol.Id, CreateTimestamp = Now, ExecutionTimestamp = Now, UtcLastUpdateTimestamp = Now, ExecutionPrice = price,
            TradeSide = side, DealStatus = ProtoOADealStatus.Filled, Commission = 0, MoneyDigits = (uint)account.Options.MoneyDigits,
        };
        return order.ClosingOrder ? Close(account, order, deal, symbol, serverEvent) : Open(account, order, deal, symbol, serverEvent);
    }

    private List<IMessage> Open(Account account, ProtoOAOrder order, ProtoOADeal deal, SymbolSpec symbol, bool serverEvent)
    {
        var side = order.TradeData.TradeSide;
        var position = new ProtoOAPosition
        {
            PositionId = ids.NextPositionId(), PositionStatus = ProtoOAPositionStatus.PositionStatusOpen, Swap = 0, Commission = 0,
            Price = deal.ExecutionPrice, UtcLastUpdateTimestamp = Now, MoneyDigits = (uint)account.Options.MoneyDigits,
            TradeData = new ProtoOATradeData { SymbolId = symbol.Id, Volume = order.TradeData.Volume, TradeSide = side,
                OpenTimestamp = Now },
            UsedMargin = (ulong)valuation.Margin(symbol, order.TradeData.Volume, account),
            MarginRate = valuation.UsdValue(symbol.BaseAssetId),
        };
        // The position carries its order's label and comment, as the real server's do: a strategy finds its positions by label.
        if (order.TradeData.HasLabel) { position.TradeData.Label = order.TradeData.Label; }
        if (order.TradeData.HasComment) { position.TradeData.Comment = order.TradeData.Comment; }
        var sign = side == ProtoOATradeSide.Buy ? 1 : -1;
        if (order.HasStopLoss) { position.StopLoss = order.StopLoss; }
        if (order.HasTakeProfit) { position.TakeProfit = order.TakeProfit; }
        if (order.HasRelativeStopLoss)
        {
            position.StopLoss = Math.Round(deal.ExecutionPrice - (sign * order.RelativeStopLoss / 100_000d), symbol.Digits);
        }

        if (order.HasRelativeTakeProfit)
        {
            position.TakeProfit = Math.Round(deal.ExecutionPrice + (sign * order.RelativeTakeProfit / 100_000d), symbol.Digits);
        }

        order.PositionId = deal.PositionId = position.PositionId;
        account.Positions[position.PositionId] = position;
        account.Deals.Add(deal);
        return
        [
            Execution(account, ProtoOAExecutionType.OrderFilled, order, position, deal, serverEvent),
            MarginChanged(account, position),
        ];
    }

    private List<IMessage> Close(Account account, ProtoOAOrder order, ProtoOADeal deal, SymbolSpec symbol, bool serverEvent)
    {
        var position = account.Positions[order.PositionId];
        var volume = order.TradeData.Volume;
        var gross = valuation.Profit(account, position, symbol, deal.ExecutionPrice, volume);
        account.Balance += gross;
        account.BalanceVersion++;
        deal.PositionId = position.PositionId;
        deal.ClosePositionDetail = new ProtoOAClosePositionDetail
        {
            EntryPrice = position.Price, GrossProfit = gross, Swap = 0, Commission = 0, Balance = account.Balance, ClosedVolume = volume,
            BalanceVersion = account.BalanceVersion, MoneyDigits = (uint)account.Options.MoneyDigits,
                QuoteToDepositConversionRate = valuation.UsdValue(symbol.QuoteAssetId),
        };
        position.TradeData.Volume -= volume;
        position.UtcLastUpdateTimestamp = Now;
        position.UsedMargin = (ulong)valuation.Margin(symbol, position.TradeData.Volume, account);
        if (position.TradeData.Volume == 0)
        {
            position.PositionStatus = ProtoOAPositionStatus.PositionStatusClosed;
            position.TradeData.CloseTimestamp = (ulong)Now;
            account.Positions.Remove(position.PositionId);
        }

        account.Deals.Add(deal);
        var type = position.TradeData.Volume == 0 ? ProtoOAExecutionType.OrderFilled : ProtoOAExecutionType.OrderPartialFill;
        var events = new List<IMessage> { Execution(account, type, order, position, deal, serverEvent) };
        if (position.TradeData.Volume > 0)
        {
            events.Add(MarginChanged(account, position));
        }

        events.Add(new ProtoOATraderUpdatedEvent { CtidTraderAccountId = account.Id, Trader = account.ToTrader() });
        return events;
    }

    public ProtoOAOrder ClosingOrder(ProtoOAPosition position, long volume, ProtoOAOrderType type) => new()
    {
        OrderId = ids.NextOrderId(), OrderType = type, OrderStatus = ProtoOAOrderStatus.OrderStatusAccepted, ClosingOrder = true,
        PositionId = position.PositionId, UtcLastUpdateTimestamp = Now, TimeInForce = ProtoOATimeInForce.ImmediateOrCancel,
        TradeData = new ProtoOATradeData
        {
            SymbolId = position.TradeData.SymbolId, Volume = volume, OpenTimestamp = Now,
            TradeSide = position.TradeData.TradeSide == ProtoOATradeSide.Buy ? ProtoOATradeSide.Sell : ProtoOATradeSide.Buy,
        },
    };
}
