using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.ReferenceData;
using Google.Protobuf;
using static ActorGateway.Simulator.Trading.TradeEvents;

namespace ActorGateway.Simulator.Trading;

/// <summary>What a price move sets off: pending orders that fill or expire, stop losses and take profits that close.</summary>
internal sealed class PriceTriggers(IReadOnlyDictionary<long, Account> accounts, Fills fills, Valuation valuation,
    TimeProvider time)
{
    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Applies a market tick to every account; yields each account's events, in order.</summary>
    public IEnumerable<(long AccountId, List<IMessage> Events)> OnPrices(IReadOnlyCollection<SymbolSpec> changed)
    {
        var moved = changed.Select(s => s.Id).ToHashSet();
        foreach (var account in accounts.Values)
        {
            var events = new List<IMessage>();
            foreach (var order in account.PendingOrders.Values.ToList())
            {
                if (order.TimeInForce == ProtoOATimeInForce.GoodTillDate && order.ExpirationTimestamp <= Now)
                {
                    account.PendingOrders.Remove(order.OrderId);
                    order.OrderStatus = ProtoOAOrderStatus.OrderStatusExpired;
                    order.UtcLastUpdateTimestamp = Now;
                    events.Add(Execution(account, ProtoOAExecutionType.OrderExpired, order, serverEvent: true));
                }
                else if (moved.Contains(order.TradeData.SymbolId) && IsTriggered(order))
                {
                    events.AddRange(fills.Fill(account, order, Catalog.FindSymbol(order.TradeData.SymbolId)!, serverEvent: false));
                }
            }

            foreach (var position in account.Positions.Values.Where(p => moved.Contains(p.TradeData.SymbolId)).ToList())
            {
                if (IsProtectionHit(position))
                {
                    var order = fills.ClosingOrder(position, position.TradeData.Volume, ProtoOAOrderType.StopLossTakeProfit);
                    account.Orders[order.OrderId] = order;
                    events.AddRange(fills.Fill(account, order, Catalog.FindSymbol(position.TradeData.SymbolId)!, serverEvent: true));
                }
            }

            if (events.Count > 0)
            {
                yield return (account.Id, events);
            }
        }
    }

    private bool IsTriggered(ProtoOAOrder order)
    {
        var symbol = Catalog.FindSymbol(order.TradeData.SymbolId)!;
        var buy = order.TradeData.TradeSide == ProtoOATradeSide.Buy;
        var price = valuation.EntryPrice(symbol, order.TradeData.TradeSide);
        var slippage = order.SlippageInPoints * symbol.PointUnits / 100_000d;
        return order.OrderType switch
        {
            ProtoOAOrderType.Limit => buy ? price <= order.LimitPrice : price >= order.LimitPrice,
            ProtoOAOrderType.Stop => buy ? price >= order.StopPrice : price <= order.StopPrice,
            ProtoOAOrderType.StopLimit => buy
                ? price >= order.StopPrice && price <= order.StopPrice + slippage
                : price <= order.StopPrice && price >= order.StopPrice - slippage,
            _ => false,
        };
    }

    private bool IsProtectionHit(ProtoOAPosition position)
    {
        var symbol = Catalog.FindSymbol(position.TradeData.SymbolId)!;
        var buy = position.TradeData.TradeSide == ProtoOATradeSide.Buy;
        var exit = valuation.ExitPrice(symbol, position.TradeData.TradeSide);
        var stopHit = position.HasStopLoss && (buy ? exit <= position.StopLoss : exit >= position.StopLoss);
        var profitHit = position.HasTakeProfit && (buy ? exit >= position.TakeProfit : exit <= position.TakeProfit);
        return stopHit || profitHit;
    }
}
