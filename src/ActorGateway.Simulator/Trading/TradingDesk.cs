using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Market;
using ActorGateway.Simulator.ReferenceData;
using Google.Protobuf;
using static ActorGateway.Simulator.Trading.TradeEvents;

namespace ActorGateway.Simulator.Trading;

/// <summary>
/// The trading book of every account: order validation, fills at the live quote, pending-order and SL/TP triggers,
/// balances and margin. Owned by the exchange loop; every message it returns is a fresh copy, safe to send later.
/// The desk takes order and position requests itself; fills, price triggers and account views are its collaborators'.
/// </summary>
internal sealed class TradingDesk
{
    private readonly Dictionary<long, Account> _accounts;
    private readonly TimeProvider _time;
    private readonly TradeIds _ids = new();
    private readonly Valuation _valuation;
    private readonly Fills _fills;
    private readonly PriceTriggers _triggers;

    public TradingDesk(IEnumerable<AccountOptions> accounts, PriceWalk prices, TimeProvider time)
    {
        _time = time;
        _accounts = accounts.ToDictionary(a => a.AccountId, a => new Account(a, time.GetUtcNow()));
        _valuation = new Valuation(prices);
        _fills = new Fills(_ids, _valuation, time);
        _triggers = new PriceTriggers(_accounts, _fills, _valuation, time);
        Queries = new AccountQueries(_valuation, time);
    }

    /// <summary>Read-only views of an account: reconcile, history listings, order details, margin and profit.</summary>
    public AccountQueries Queries { get; }

    public Account? Find(long accountId) => _accounts.GetValueOrDefault(accountId);

    public Account Get(long accountId) => _accounts[accountId];

    private long Now => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Applies a market tick to every account; yields each account's events, in order.</summary>
    public IEnumerable<(long AccountId, List<IMessage> Events)> OnPrices(IReadOnlyCollection<SymbolSpec> changed) =>
        _triggers.OnPrices(changed);

    public TradeOutcome NewOrder(Account account, ProtoOANewOrderReq request)
    {
        if (Catalog.FindSymbol(request.SymbolId) is not { } symbol)
        {
            return Reject(account, ProtoOAErrorCode.SymbolNotFound, "Symbol not found");
        }

        if (BadVolume(symbol, request.Volume) is { } volumeError)
        {
            return Reject(account, ProtoOAErrorCode.TradingBadVolume, volumeError);
        }

        var order = new ProtoOAOrder
        {
            OrderId = _ids.NextOrderId(), OrderType = request.OrderType, OrderStatus = ProtoOAOrderStatus.OrderStatusAccepted,
            TradeData = new ProtoOATradeData { SymbolId = symbol.Id, Volume = request.Volume, TradeSide = request.TradeSide,
                OpenTimestamp = Now },
            UtcLastUpdateTimestamp = Now, TimeInForce = request.HasTimeInForce ? request.TimeInForce : ProtoOATimeInForce.GoodTillCancel,
        };
        if (Describe(order, request) is { } priceError)
        {
            return Reject(account, ProtoOAErrorCode.TradingBadPrices, priceError);
        }

        var isMarket = order.OrderType is ProtoOAOrderType.Market or ProtoOAOrderType.MarketRange;
        var reference = isMarket ? _valuation.EntryPrice(symbol, order.TradeData.TradeSide) : PendingPrice(order);
        if (BadStops(order.TradeData.TradeSide, reference, order) is { } stopsError)
        {
            return Reject(account, ProtoOAErrorCode.TradingBadStops, stopsError);
        }

        if (_valuation.Margin(symbol, request.Volume, account) > _valuation.FreeMargin(account))
        {
            return Reject(account, ProtoOAErrorCode.NotEnoughMoney, "Not enough money to open the position");
        }

        account.Orders[order.OrderId] = order;
        var events = new List<IMessage> { Execution(account, ProtoOAExecutionType.OrderAccepted, order) };
        if (isMarket)
        {
            events.AddRange(_fills.Fill(account, order, symbol, serverEvent: false));
        }
        else
        {
            account.PendingOrders[order.OrderId] = order;
        }

        return TradeOutcome.Done(events);
    }

    public TradeOutcome CancelOrder(Account account, ProtoOACancelOrderReq request)
    {
        if (!account.PendingOrders.Remove(request.OrderId, out var order))
        {
            return Reject(account, ProtoOAErrorCode.OrderNotFound, "No pending order with this id", request.OrderId);
        }

        order.OrderStatus = ProtoOAOrderStatus.OrderStatusCancelled;
        order.UtcLastUpdateTimestamp = Now;
        return TradeOutcome.Done([Execution(account, ProtoOAExecutionType.OrderCancelled, order)]);
    }

    public TradeOutcome AmendOrder(Account account, ProtoOAAmendOrderReq request)
    {
        if (!account.PendingOrders.TryGetValue(request.OrderId, out var order))
        {
            return Reject(account, ProtoOAErrorCode.OrderNotFound, "No pending order with this id", request.OrderId);
        }

        var symbol = Catalog.FindSymbol(order.TradeData.SymbolId)!;
        if (request.HasVolume && BadVolume(symbol, request.Volume) is { } volumeError)
        {
            return Reject(account, ProtoOAErrorCode.TradingBadVolume, volumeError, order.OrderId);
        }

        var amended = order.Clone();
        if (request.HasVolume) { amended.TradeData.Volume = request.Volume; }
        if (request.HasLimitPrice) { amended.LimitPrice = request.LimitPrice; }
        if (request.HasStopPrice) { amended.StopPrice = request.StopPrice; }
        if (request.HasStopLoss) { amended.StopLoss = request.StopLoss; }
        if (request.HasTakeProfit) { amended.TakeProfit = request.TakeProfit; }
        if (request.HasExpirationTimestamp) { amended.ExpirationTimestamp = request.ExpirationTimestamp; }
        if (BadStops(amended.TradeData.TradeSide, PendingPrice(amended), amended) is { } stopsError)
        {
            return Reject(account, ProtoOAErrorCode.TradingBadStops, stopsError, order.OrderId);
        }

        amended.UtcLastUpdateTimestamp = Now;
        account.PendingOrders[order.OrderId] = account.Orders[order.OrderId] = amended;
        return TradeOutcome.Done([Execution(account, ProtoOAExecutionType.OrderReplaced, amended)]);
    }

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

        var order = _fills.ClosingOrder(position, request.Volume, ProtoOAOrderType.Market);
        account.Orders[order.OrderId] = order;
        var events = new List<IMessage> { Execution(account, ProtoOAExecutionType.OrderAccepted, order, position) };
        events.AddRange(_fills.Fill(account, order, symbol, serverEvent: false));
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
        if (BadStops(side, _valuation.ExitPrice(symbol, side), protection) is { } stopsError)
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

    private static string? BadVolume(SymbolSpec symbol, long volume) =>
        volume < symbol.MinVolume || volume > symbol.MaxVolume || volume % symbol.StepVolume != 0
            ? $"Volume must be between {symbol.MinVolume} and {symbol.MaxVolume} in steps of {symbol.StepVolume} (0.01 units)"
            : null;

    /// <summary>Copies the prices and protection of a request into the order; an error when a price the order type needs is
    /// missing.</summary>
    private static string? Describe(ProtoOAOrder order, ProtoOANewOrderReq request)
    {
        if (request.HasLimitPrice) { order.LimitPrice = request.LimitPrice; }
        if (request.HasStopPrice) { order.StopPrice = request.StopPrice; }
        if (request.HasStopLoss) { order.StopLoss = request.StopLoss; }
        if (request.HasTakeProfit) { order.TakeProfit = request.TakeProfit; }
        if (request.HasRelativeStopLoss) { order.RelativeStopLoss = request.RelativeStopLoss; }
        if (request.HasRelativeTakeProfit) { order.RelativeTakeProfit = request.RelativeTakeProfit; }
        if (request.HasSlippageInPoints) { order.SlippageInPoints = request.SlippageInPoints; }
        if (request.HasExpirationTimestamp) { order.ExpirationTimestamp = request.ExpirationTimestamp; }
        if (request.HasClientOrderId) { order.ClientOrderId = request.ClientOrderId; }
        if (request.HasLabel) { order.TradeData.Label = request.Label; }
        if (request.HasComment) { order.TradeData.Comment = request.Comment; }
        return order.OrderType switch
        {
            ProtoOAOrderType.Limit when !order.HasLimitPrice => "A limit order needs limitPrice",
            ProtoOAOrderType.Stop or ProtoOAOrderType.StopLimit when !order.HasStopPrice => "A stop order needs stopPrice",
            ProtoOAOrderType.StopLossTakeProfit => "STOP_LOSS_TAKE_PROFIT orders are created by the server only",
            _ when order.TimeInForce == ProtoOATimeInForce.GoodTillDate && !order.HasExpirationTimestamp
                => "A GTD order needs expirationTimestamp",
            _ => null,
        };
    }

    private static double PendingPrice(ProtoOAOrder order)
        => order.OrderType == ProtoOAOrderType.Limit ? order.LimitPrice : order.StopPrice;

    private static string? BadStops(ProtoOATradeSide side, double reference, ProtoOAOrder order)
    {
        var buy = side == ProtoOATradeSide.Buy;
        var slWrong = order.HasStopLoss && (buy ? order.StopLoss >= reference : order.StopLoss <= reference);
        var tpWrong = order.HasTakeProfit && (buy ? order.TakeProfit <= reference : order.TakeProfit >= reference);
        return slWrong || tpWrong ? "Stop loss must be on the losing side and take profit on the winning side of the price" : null;
    }
}
