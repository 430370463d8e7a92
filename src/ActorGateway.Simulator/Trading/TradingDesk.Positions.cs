using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.ReferenceData;
using Google.Protobuf;

namespace ActorGateway.Simulator.Trading;

/// <summary>Fills, positions, closing, protection, profit and margin.</summary>
internal sealed partial class TradingDesk
{
    public TradeOutcome ClosePosition(Account account, ProtoOAClosePositionReq request)
    {
        if (!account.Positions.TryGetValue(request.PositionId, out var position))
        {
            return Reject(account, ProtoOAErrorCode.PositionNotFound, "No open position with this id", positionId: request.PositionId);
        }

        var symbol = Catalog.FindSymbol(position.TradeData.SymbolId)!;
        if (request.Volume <= 0 || request.Volume > position.TradeData.Volume || request.Volume % symbol.StepVolume != 0)
        {
            return Reject(account, ProtoOAErrorCode.TradingBadVolume,
                "The volume to close must be a step multiple no larger than the position",
                positionId: position.PositionId);
        }

        var order = ClosingOrder(position, request.Volume, ProtoOAOrderType.Market);
        account.Orders[order.OrderId] = order;
        var events = new List<IMessage> { Execution(account, ProtoOAExecutionType.OrderAccepted, order, position) };
        events.AddRange(Fill(account, order, symbol, serverEvent: false));
        return TradeOutcome.Done(events);
    }

    public TradeOutcome AmendPositionProtection(Account account, ProtoOAAmendPositionSLTPReq request)
    {
        if (!account.Positions.TryGetValue(request.PositionId, out var position))
        {
            return Reject(account, ProtoOAErrorCode.PositionNotFound, "No open position with this id", positionId: request.PositionId);
        }

        var symbol = Catalog.FindSymbol(position.TradeData.SymbolId)!;
        var protection = new ProtoOAOrder();
        if (request.HasStopLoss) { protection.StopLoss = request.StopLoss; }
        if (request.HasTakeProfit) { protection.TakeProfit = request.TakeProfit; }
        var side = position.TradeData.TradeSide;
        if (BadStops(side, ExitPrice(symbol, side), protection) is { } stopsError)
        {
            return Reject(account, ProtoOAErrorCode.TradingBadStops, stopsError, positionId: position.PositionId);
        }

        // An amendment states the whole protection: a level left out is removed.
        position.ClearStopLoss();
        position.ClearTakeProfit();
        if (protection.HasStopLoss) { position.StopLoss = protection.StopLoss; }
        if (protection.HasTakeProfit) { position.TakeProfit = protection.TakeProfit; }
        position.UtcLastUpdateTimestamp = Now;
        return TradeOutcome.Done([Execution(account, ProtoOAExecutionType.OrderReplaced, position: position)]);
    }

    /// <summary>Fills an order at the current quote: opens a position, or reduces or closes the one a closing order names.</summary>
    private List<IMessage> Fill(Account account, ProtoOAOrder order, SymbolSpec symbol, bool serverEvent)
    {
        var side = order.TradeData.TradeSide;
        var price = EntryPrice(symbol, side);
        order.OrderStatus = ProtoOAOrderStatus.OrderStatusFilled;
        order.ExecutionPrice = price;
        order.ExecutedVolume = order.TradeData.Volume;
        order.UtcLastUpdateTimestamp = Now;
        account.PendingOrders.Remove(order.OrderId);
        var deal = new ProtoOADeal
        {
            DealId = ++_nextDealId, OrderId = order.OrderId, Volume = order.TradeData.Volume, FilledVolume = order.TradeData.Volume,
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
            PositionId = ++_nextPositionId, PositionStatus = ProtoOAPositionStatus.PositionStatusOpen, Swap = 0, Commission = 0,
            Price = deal.ExecutionPrice, UtcLastUpdateTimestamp = Now, MoneyDigits = (uint)account.Options.MoneyDigits,
            TradeData = new ProtoOATradeData { SymbolId = symbol.Id, Volume = order.TradeData.Volume, TradeSide = side,
                OpenTimestamp = Now },
            UsedMargin = (ulong)Margin(symbol, order.TradeData.Volume, account), MarginRate = _prices.UsdValue(symbol.BaseAssetId),
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
        var gross = Profit(account, position, symbol, deal.ExecutionPrice, volume);
        account.Balance += gross;
        account.BalanceVersion++;
        deal.PositionId = position.PositionId;
        deal.ClosePositionDetail = new ProtoOAClosePositionDetail
        {
            EntryPrice = position.Price, GrossProfit = gross, Swap = 0, Commission = 0, Balance = account.Balance, ClosedVolume = volume,
            BalanceVersion = account.BalanceVersion, MoneyDigits = (uint)account.Options.MoneyDigits,
                QuoteToDepositConversionRate = _prices.UsdValue(symbol.QuoteAssetId),
        };
        position.TradeData.Volume -= volume;
        position.UtcLastUpdateTimestamp = Now;
        position.UsedMargin = (ulong)Margin(symbol, position.TradeData.Volume, account);
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

    private static ProtoOAMarginChangedEvent MarginChanged(Account account, ProtoOAPosition position) => new()
    {
        CtidTraderAccountId = account.Id, PositionId = (ulong)position.PositionId, UsedMargin = position.UsedMargin,
        MoneyDigits = (uint)account.Options.MoneyDigits,
    };

    private ProtoOAOrder ClosingOrder(ProtoOAPosition position, long volume, ProtoOAOrderType type) => new()
    {
        OrderId = ++_nextOrderId, OrderType = type, OrderStatus = ProtoOAOrderStatus.OrderStatusAccepted, ClosingOrder = true,
        PositionId = position.PositionId, UtcLastUpdateTimestamp = Now, TimeInForce = ProtoOATimeInForce.ImmediateOrCancel,
        TradeData = new ProtoOATradeData
        {
            SymbolId = position.TradeData.SymbolId, Volume = volume, OpenTimestamp = Now,
            TradeSide = position.TradeData.TradeSide == ProtoOATradeSide.Buy ? ProtoOATradeSide.Sell : ProtoOATradeSide.Buy,
        },
    };

    /// <summary>The price a new trade on <paramref name="side"/> executes at: the ask for a buy, the bid for a sell.</summary>
    private double EntryPrice(SymbolSpec symbol, ProtoOATradeSide side) =>
        Math.Round(side == ProtoOATradeSide.Buy ? _prices[symbol].AskPrice : _prices[symbol].BidPrice, symbol.Digits);

    /// <summary>The price a position on <paramref name="side"/> would close at.</summary>
    private double ExitPrice(SymbolSpec symbol, ProtoOATradeSide side) =>
        EntryPrice(symbol, side == ProtoOATradeSide.Buy ? ProtoOATradeSide.Sell : ProtoOATradeSide.Buy);

    /// <summary>Profit of closing <paramref name="volume"/> of a position at <paramref name="price"/>, in money units.</summary>
    private long Profit(Account account, ProtoOAPosition position, SymbolSpec symbol, double price, long volume)
    {
        var sign = position.TradeData.TradeSide == ProtoOATradeSide.Buy ? 1 : -1;
        return account.ToMoney((price - position.Price) * sign * (volume / 100d) * _prices.UsdValue(symbol.QuoteAssetId));
    }

    /// <summary>The margin <paramref name="volume"/> of the symbol uses, in money units: notional in USD over leverage.</summary>
    private long Margin(SymbolSpec symbol, long volume, Account account) =>
        account.ToMoney(volume / 100d * _prices.UsdValue(symbol.BaseAssetId) / account.Options.Leverage);

    private long UnrealizedProfit(Account account, ProtoOAPosition position)
    {
        var symbol = Catalog.FindSymbol(position.TradeData.SymbolId)!;
        return Profit(account, position, symbol, ExitPrice(symbol, position.TradeData.TradeSide), position.TradeData.Volume);
    }

    private long FreeMargin(Account account) =>
        account.Balance + account.Positions.Values.Sum(p => UnrealizedProfit(account, p))
            - account.Positions.Values.Sum(p => (long)p.UsedMargin);
}
