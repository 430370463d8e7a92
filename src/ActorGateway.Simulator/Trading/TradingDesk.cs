using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Market;
using ActorGateway.Simulator.ReferenceData;

namespace ActorGateway.Simulator.Trading;

/// <summary>
/// The trading book of every account: order validation, fills at the live quote, pending-order and SL/TP triggers,
/// balances and margin. Owned by the exchange loop; every message it returns is a fresh copy, safe to send later.
/// </summary>
internal sealed partial class TradingDesk
{
    private readonly Dictionary<long, Account> _accounts;
    private readonly PriceWalk _prices;
    private readonly TimeProvider _time;
    private long _nextOrderId = 10_000_000;
    private long _nextPositionId = 20_000_000;
    private long _nextDealId = 30_000_000;

    public TradingDesk(IEnumerable<AccountOptions> accounts, PriceWalk prices, TimeProvider time)
    {
        _prices = prices;
        _time = time;
        _accounts = accounts.ToDictionary(a => a.AccountId, a => new Account(a, time.GetUtcNow()));
    }

    public Account? Find(long accountId) => _accounts.GetValueOrDefault(accountId);

    public Account Get(long accountId) => _accounts[accountId];

    private long Now => _time.GetUtcNow().ToUnixTimeMilliseconds();

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
            OrderId = ++_nextOrderId, OrderType = request.OrderType, OrderStatus = ProtoOAOrderStatus.OrderStatusAccepted,
            TradeData = new ProtoOATradeData { SymbolId = symbol.Id, Volume = request.Volume, TradeSide = request.TradeSide,
                OpenTimestamp = Now },
            UtcLastUpdateTimestamp = Now, TimeInForce = request.HasTimeInForce ? request.TimeInForce : ProtoOATimeInForce.GoodTillCancel,
        };
        if (Describe(order, request) is { } priceError)
        {
            return Reject(account, ProtoOAErrorCode.TradingBadPrices, priceError);
        }

        var isMarket = order.OrderType is ProtoOAOrderType.Market or ProtoOAOrderType.MarketRange;
        var reference = isMarket ? EntryPrice(symbol, order.TradeData.TradeSide) : PendingPrice(order);
        if (BadStops(order.TradeData.TradeSide, reference, order) is { } stopsError)
        {
            return Reject(account, ProtoOAErrorCode.TradingBadStops, stopsError);
        }

        if (Margin(symbol, request.Volume, account) > FreeMargin(account))
        {
            return Reject(account, ProtoOAErrorCode.NotEnoughMoney, "Not enough money to open the position");
        }

        account.Orders[order.OrderId] = order;
        var events = new List<Google.Protobuf.IMessage> { Execution(account, ProtoOAExecutionType.OrderAccepted, order) };
        if (isMarket)
        {
            events.AddRange(Fill(account, order, symbol, serverEvent: false));
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

    private static TradeOutcome Reject(Account account, ProtoOAErrorCode code, string description, long? orderId = null,
        long? positionId = null)
    {
        var error = new ProtoOAOrderErrorEvent { CtidTraderAccountId = account.Id, ErrorCode = Sessions.ErrorReplies.NameOf(code),
            Description = description };
        if (orderId is { } o) { error.OrderId = o; }
        if (positionId is { } p) { error.PositionId = p; }
        return TradeOutcome.Failed(error);
    }

    private static ProtoOAExecutionEvent Execution(Account account, ProtoOAExecutionType type, ProtoOAOrder? order = null,
        ProtoOAPosition? position = null, ProtoOADeal? deal = null, bool serverEvent = false)
    {
        var execution = new ProtoOAExecutionEvent { CtidTraderAccountId = account.Id, ExecutionType = type };
        if (order is not null) { execution.Order = order.Clone(); }
        if (position is not null) { execution.Position = position.Clone(); }
        if (deal is not null) { execution.Deal = deal.Clone(); }
        if (serverEvent) { execution.IsServerEvent = true; }
        return execution;
    }
}
