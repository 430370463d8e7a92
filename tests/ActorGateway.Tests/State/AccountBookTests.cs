using ActorGateway.Protocol.Messages;
using ActorGateway.State;

namespace ActorGateway.Tests.State;

public sealed class AccountBookTests
{
    private readonly AccountBook _book = new(1001);
    private readonly List<StateChange> _changes = [];

    [Fact]
    public void Apply_accept_fill_partial_close_and_close_keep_orders_positions_and_balance()
    {
        _book.Apply(Trader(balance: 1_000_000, digits: 2, version: 1), ChangeSource.Event, _changes);
        _book.Apply(Execution(ProtoOAExecutionType.OrderAccepted, Order(1, ProtoOAOrderStatus.OrderStatusAccepted)), _changes);
        Assert.Single(_book.Orders);

        _book.Apply(Execution(ProtoOAExecutionType.OrderFilled, Order(1, ProtoOAOrderStatus.OrderStatusFilled), Position(7, 200_000)), _changes);
        Assert.Empty(_book.Orders);
        Assert.Equal(2_000m, _book.Positions[7].Units);

        var partial = Execution(ProtoOAExecutionType.OrderPartialFill, Order(2, ProtoOAOrderStatus.OrderStatusFilled), Position(7, 100_000));
        partial.Deal = Deal(balance: 1_002_550, version: 2);
        _book.Apply(partial, _changes);
        Assert.Equal(1_000m, _book.Positions[7].Units);
        Assert.Equal(10_025.50m, _book.Balance);

        var closed = Position(7, 0);
        closed.PositionStatus = ProtoOAPositionStatus.PositionStatusClosed;
        _book.Apply(Execution(ProtoOAExecutionType.OrderFilled, Order(3, ProtoOAOrderStatus.OrderStatusFilled), closed), _changes);
        Assert.Empty(_book.Positions);

        Assert.Equal(
            ["BalanceChanged", "OrderChanged Accepted", "OrderChanged Filled", "PositionOpened", "OrderChanged Filled", "PositionChanged",
                "BalanceChanged", "OrderChanged Filled", "PositionClosed"],
            _changes.Select(Name));
    }

    [Fact]
    public void Apply_money_digits_of_the_account_and_of_each_message_scale_the_amounts()
    {
        _book.Apply(Trader(balance: 12_345_678, digits: 3, version: 1), ChangeSource.Event, _changes);
        var position = Position(7, 100_000);
        position.Swap = -1_234;
        position.MoneyDigits = 4;
        _book.Apply(Execution(ProtoOAExecutionType.Swap, null, position), _changes);

        Assert.Equal(12_345.678m, _book.Balance);
        Assert.Equal(-0.1234m, _book.Positions[7].Swap);
    }

    [Fact]
    public void Apply_a_balance_older_than_the_one_known_is_ignored()
    {
        _book.Apply(Trader(balance: 500, digits: 2, version: 5), ChangeSource.Event, _changes);
        var old = Execution(ProtoOAExecutionType.DepositWithdraw);
        old.DepositWithdraw = new ProtoOADepositWithdraw { Balance = 100, BalanceVersion = 4, MoneyDigits = 2 };

        _book.Apply(old, _changes);

        Assert.Equal(5m, _book.Balance);
        Assert.Single(_changes);
    }

    [Fact]
    public void Replace_reports_what_happened_unseen_as_found_by_the_reconcile()
    {
        _book.Apply(Execution(ProtoOAExecutionType.OrderFilled, null, Position(7, 100_000)), _changes);
        _book.Apply(Execution(ProtoOAExecutionType.OrderFilled, null, Position(8, 100_000)), _changes);
        _book.Apply(Execution(ProtoOAExecutionType.OrderAccepted, Order(1, ProtoOAOrderStatus.OrderStatusAccepted)), _changes);
        _changes.Clear();

        var snapshot = new ProtoOAReconcileRes { CtidTraderAccountId = 1001, Position = { Position(8, 300_000), Position(9, 100_000) },
            Order = { Order(2, ProtoOAOrderStatus.OrderStatusAccepted) } };
        _book.Replace(snapshot, publish: true, _changes);

        Assert.Equal(["PositionClosed 7", "PositionChanged 8", "PositionOpened 9", "OrderChanged Gone 1", "OrderChanged Appeared 2"],
            _changes.Select(c => c switch
            {
                PositionClosed p => $"PositionClosed {p.Position.Id}",
                PositionChanged p => $"PositionChanged {p.Position.Id}",
                PositionOpened p => $"PositionOpened {p.Position.Id}",
                OrderChanged o => $"OrderChanged {o.Kind} {o.Order.Id}",
                _ => c.GetType().Name,
            }));
        Assert.All(_changes, c => Assert.Contains("Source = Reconcile", c.ToString(), StringComparison.Ordinal));
        Assert.Equal([8L, 9L], _book.Positions.Keys.Order());
    }

    [Fact]
    public void UnrealizedPnL_uses_the_exit_side_of_the_last_spot_and_converts_the_quote_currency()
    {
        _book.Apply(Trader(balance: 0, digits: 2, version: 1), ChangeSource.Event, _changes);
        _book.Apply(new ProtoOASymbolsListRes
        {
            CtidTraderAccountId = 1001,
            Symbol =
            {
                new ProtoOALightSymbol { SymbolId = 1, BaseAssetId = 1, QuoteAssetId = 2 },   // EURUSD, USD deposit
                new ProtoOALightSymbol { SymbolId = 3, BaseAssetId = 2, QuoteAssetId = 4 },   // USDJPY
            },
        });
        var buy = Position(7, 100_000, price: 1.08);
        var sell = Position(8, 100_000, price: 150.5, symbol: 3, side: ProtoOATradeSide.Sell);
        _book.Apply(Execution(ProtoOAExecutionType.OrderFilled, null, buy), _changes);
        _book.Apply(Execution(ProtoOAExecutionType.OrderFilled, null, sell), _changes);
        Assert.Null(_book.UnrealizedPnL(_book.Positions[7]));

        _book.Apply(new ProtoOASpotEvent { CtidTraderAccountId = 1001, SymbolId = 1, Bid = 108_250, Ask = 108_260 });
        _book.Apply(new ProtoOASpotEvent { CtidTraderAccountId = 1001, SymbolId = 3, Bid = 14_990_000, Ask = 15_000_000 });
        _book.Apply(new ProtoOASpotEvent { CtidTraderAccountId = 1001, SymbolId = 3, Bid = 14_980_000 }); // the ask stays

        Assert.Equal(2.50m, _book.UnrealizedPnL(_book.Positions[7]));            // (1.0825 - 1.08) * 1000
        Assert.Equal(3.34m, _book.UnrealizedPnL(_book.Positions[8]));            // 0.5 JPY * 1000 at the ask 150.000, / mid 149.9
        var snapshot = _book.Snapshot(inSync: true);
        Assert.Equal(5.84m, snapshot.Equity);
    }

    private static string Name(StateChange change) =>
        change is OrderChanged o ? $"OrderChanged {o.Kind}" : change.GetType().Name;

    private static ProtoOATrader Trader(long balance, uint digits, long version) => new()
    {
        CtidTraderAccountId = 1001, Balance = balance, MoneyDigits = digits, BalanceVersion = version, DepositAssetId = 2,
    };

    private static ProtoOAExecutionEvent Execution(ProtoOAExecutionType type, ProtoOAOrder? order = null, ProtoOAPosition? position = null)
    {
        var execution = new ProtoOAExecutionEvent { CtidTraderAccountId = 1001, ExecutionType = type };
        if (order is not null) { execution.Order = order; }
        if (position is not null) { execution.Position = position; }
        return execution;
    }

    private static ProtoOAOrder Order(long id, ProtoOAOrderStatus status) => new()
    {
        OrderId = id, OrderType = ProtoOAOrderType.Limit, OrderStatus = status, LimitPrice = 1.0,
        TradeData = new ProtoOATradeData { SymbolId = 1, Volume = 100_000, TradeSide = ProtoOATradeSide.Buy },
    };

    private static ProtoOAPosition Position(long id, long volume, double price = 1.08, long symbol = 1,
        ProtoOATradeSide side = ProtoOATradeSide.Buy) => new()
    {
        PositionId = id, PositionStatus = ProtoOAPositionStatus.PositionStatusOpen, Swap = 0, Price = price,
        TradeData = new ProtoOATradeData { SymbolId = symbol, Volume = volume, TradeSide = side },
    };

    private static ProtoOADeal Deal(long balance, long version) => new()
    {
        DealId = 1, OrderId = 2, PositionId = 7, Volume = 100_000, FilledVolume = 100_000, SymbolId = 1, CreateTimestamp = 1,
        ExecutionTimestamp = 1, TradeSide = ProtoOATradeSide.Sell, DealStatus = ProtoOADealStatus.Filled,
        ClosePositionDetail = new ProtoOAClosePositionDetail { EntryPrice = 1.08, GrossProfit = 2_550, Swap = 0, Commission = 0,
            Balance = balance, BalanceVersion = version, MoneyDigits = 2 },
    };
}
