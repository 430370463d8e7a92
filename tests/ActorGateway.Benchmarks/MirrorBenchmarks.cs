using ActorGateway.Protocol.Messages;
using ActorGateway.State;
using BenchmarkDotNet.Attributes;

namespace ActorGateway.Benchmarks;

/// <summary>
/// Applying execution events to an account mirror's state — a market order accepted, filled into a position, and the
/// position closed with its balance — against the least any client must do with the same events: put the order and the
/// position into dictionaries and take them out again. Per event.
/// </summary>
[MemoryDiagnoser]
public class MirrorBenchmarks
{
    private const int Orders = 1_000;
    private const int EventsPerOrder = 3;

    private readonly AccountBook _book = new(1001);
    private readonly List<StateChange> _changes = [];
    private readonly Dictionary<long, ProtoOAOrder> _plainOrders = [];
    private readonly Dictionary<long, ProtoOAPosition> _plainPositions = [];
    private ProtoOAExecutionEvent[] _events = [];

    [GlobalSetup]
    public void Setup()
    {
        _book.Apply(new ProtoOATrader { CtidTraderAccountId = 1001, Balance = 1_000_000, MoneyDigits = 2, BalanceVersion = 1, DepositAssetId = 2 },
            ChangeSource.Event, _changes);
        _events = [.. Enumerable.Range(0, Orders).SelectMany(Lifecycle)];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Orders * EventsPerOrder)]
    public int Plain_dictionaries()
    {
        foreach (var execution in _events)
        {
            var order = execution.Order;
            if (order.OrderStatus == ProtoOAOrderStatus.OrderStatusAccepted)
            {
                _plainOrders[order.OrderId] = order;
            }
            else
            {
                _plainOrders.Remove(order.OrderId);
            }

            if (execution.Position is { } position)
            {
                if (position.PositionStatus == ProtoOAPositionStatus.PositionStatusOpen)
                {
                    _plainPositions[position.PositionId] = position;
                }
                else
                {
                    _plainPositions.Remove(position.PositionId);
                }
            }
        }

        return _plainPositions.Count;
    }

    [Benchmark(OperationsPerInvoke = Orders * EventsPerOrder)]
    public int Account_mirror()
    {
        foreach (var execution in _events)
        {
            _book.Apply(execution, _changes);
            _changes.Clear(); // the actor hands them to its subscribers after each batch
        }

        return _book.Positions.Count;
    }

    private static IEnumerable<ProtoOAExecutionEvent> Lifecycle(int i)
    {
        var order = Order(10_000 + i, ProtoOAOrderStatus.OrderStatusAccepted, closing: false);
        var position = new ProtoOAPosition
        {
            PositionId = 20_000 + i, PositionStatus = ProtoOAPositionStatus.PositionStatusOpen, Swap = 0, Price = 1.085, MoneyDigits = 2,
            UsedMargin = 1_085, TradeData = new ProtoOATradeData { SymbolId = 1, Volume = 100_000, TradeSide = ProtoOATradeSide.Buy },
        };
        var filled = order.Clone();
        filled.OrderStatus = ProtoOAOrderStatus.OrderStatusFilled;
        var closed = position.Clone();
        closed.PositionStatus = ProtoOAPositionStatus.PositionStatusClosed;
        closed.TradeData.Volume = 0;
        var close = Order(30_000 + i, ProtoOAOrderStatus.OrderStatusFilled, closing: true);
        yield return Execution(ProtoOAExecutionType.OrderAccepted, order, null, null);
        yield return Execution(ProtoOAExecutionType.OrderFilled, filled, position, null);
        yield return Execution(ProtoOAExecutionType.OrderFilled, close, closed, new ProtoOADeal
        {
            DealId = i, OrderId = close.OrderId, PositionId = position.PositionId, Volume = 100_000, FilledVolume = 100_000, SymbolId = 1,
            CreateTimestamp = 1, ExecutionTimestamp = 1, TradeSide = ProtoOATradeSide.Sell, DealStatus = ProtoOADealStatus.Filled,
            ClosePositionDetail = new ProtoOAClosePositionDetail { EntryPrice = 1.085, GrossProfit = i, Swap = 0, Commission = 0,
                Balance = 1_000_000 + i, BalanceVersion = 2 + i, MoneyDigits = 2 },
        });
    }

    private static ProtoOAOrder Order(long id, ProtoOAOrderStatus status, bool closing) => new()
    {
        OrderId = id, OrderType = ProtoOAOrderType.Market, OrderStatus = status, ClosingOrder = closing,
        TradeData = new ProtoOATradeData { SymbolId = 1, Volume = 100_000, TradeSide = ProtoOATradeSide.Buy },
    };

    private static ProtoOAExecutionEvent Execution(ProtoOAExecutionType type, ProtoOAOrder order, ProtoOAPosition? position, ProtoOADeal? deal)
    {
        var execution = new ProtoOAExecutionEvent { CtidTraderAccountId = 1001, ExecutionType = type, Order = order };
        if (position is not null) { execution.Position = position; }
        if (deal is not null) { execution.Deal = deal; }
        return execution;
    }
}
