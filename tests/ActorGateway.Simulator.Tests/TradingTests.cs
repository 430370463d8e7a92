using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Tests.Support;
using static ActorGateway.Simulator.Tests.Support.Orders;
using static ActorGateway.Simulator.Tests.Support.SimulatorHost;

namespace ActorGateway.Simulator.Tests;

public sealed class TradingTests
{
    [Fact]
    public async Task Market_order_is_accepted_then_filled_with_a_deal_and_an_open_position_at_the_ask()
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync();
        await client.SendAsync(new ProtoOASubscribeSpotsReq { CtidTraderAccountId = Demo1, SymbolId = { EurUsd } }, "sub");
        await client.ExpectAsync<ProtoOASubscribeSpotsRes>("sub");
        var spot = await client.ExpectAsync<ProtoOASpotEvent>();

        await client.SendAsync(MarketOrder(), "buy");
        var accepted = await client.ExpectAsync<ProtoOAExecutionEvent>("buy");
        var filled = await client.ExpectAsync<ProtoOAExecutionEvent>("buy");
        var margin = await client.ExpectAsync<ProtoOAMarginChangedEvent>();

        Assert.Equal((ProtoOAExecutionType.OrderAccepted, ProtoOAOrderStatus.OrderStatusAccepted), (accepted.ExecutionType,
            accepted.Order.OrderStatus));
        Assert.Equal((ProtoOAExecutionType.OrderFilled, ProtoOAOrderStatus.OrderStatusFilled), (filled.ExecutionType,
            filled.Order.OrderStatus));
        Assert.Equal(spot.Ask / 100_000d, filled.Deal.ExecutionPrice, 5);
        Assert.Equal(filled.Deal.ExecutionPrice, filled.Position.Price);
        Assert.Equal((ProtoOAPositionStatus.PositionStatusOpen, MinVolume), (filled.Position.PositionStatus,
            filled.Position.TradeData.Volume));
        Assert.Equal(filled.Position.PositionId, filled.Deal.PositionId);
        Assert.Equal((ulong)filled.Position.PositionId, margin.PositionId);
        Assert.True(margin.UsedMargin > 0);
    }

    [Fact]
    public async Task A_position_carries_the_label_and_comment_of_the_order_that_opened_it()
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync();
        var labelled = MarketOrder();
        labelled.Label = "strategy-7";
        labelled.Comment = "entry";

        var fill = await FilledAsync(client, labelled);
        var plain = await FilledAsync(client, MarketOrder(), "plain");
        await client.SendAsync(new ProtoOAReconcileReq { CtidTraderAccountId = Demo1 }, "book");
        var book = await client.ExpectAsync<ProtoOAReconcileRes>("book");

        Assert.Equal(("strategy-7", "entry"), (fill.Position.TradeData.Label, fill.Position.TradeData.Comment));
        Assert.False(plain.Position.TradeData.HasLabel);
        var held = Assert.Single(book.Position, p => p.PositionId == fill.Position.PositionId);
        Assert.Equal("strategy-7", held.TradeData.Label);
    }

    [Fact]
    public async Task Executions_reach_every_connection_where_the_account_is_authorized()
    {
        await using var host = await StartAsync();
        var trader = await host.AuthorizedAsync(Demo1);
        var watcher = await host.AuthorizedAsync(Demo1, Demo2);
        var other = await host.AuthorizedAsync(Demo2);

        await trader.SendAsync(MarketOrder(), "buy");
        await trader.ExpectAsync<ProtoOAExecutionEvent>("buy");
        var seenByWatcher = await watcher.ExpectAsync<ProtoOAExecutionEvent>("buy");
        await other.SendAsync(new ProtoOAVersionReq(), "v");

        Assert.Equal(Demo1, seenByWatcher.CtidTraderAccountId);
        await other.ExpectAsync<ProtoOAVersionRes>("v");
    }

    [Theory]
    [InlineData(150_000, EurUsd, "TRADING_BAD_VOLUME")]
    [InlineData(1_000, EurUsd, "TRADING_BAD_VOLUME")]
    [InlineData(MinVolume, 999, "SYMBOL_NOT_FOUND")]
    [InlineData(1_000_000_000, EurUsd, "NOT_ENOUGH_MONEY")]
    public async Task Bad_orders_get_an_OrderErrorEvent_and_nothing_else(long volume, long symbolId, string expected)
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync();

        await client.SendAsync(MarketOrder(volume: volume, symbolId: symbolId), "bad");
        var error = await client.ExpectAsync<ProtoOAOrderErrorEvent>("bad");
        await client.SendAsync(new ProtoOAReconcileReq { CtidTraderAccountId = Demo1 }, "check");
        var book = await client.ExpectAsync<ProtoOAReconcileRes>("check");

        Assert.Equal((expected, Demo1), (error.ErrorCode, error.CtidTraderAccountId));
        Assert.Empty(book.Position);
    }

    [Fact]
    public async Task Partial_then_full_close_settle_profit_into_the_balance()
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync();
        var position = (await FilledAsync(client, MarketOrder(volume: 2 * MinVolume))).Position;
        await host.AdvanceTicksAsync(client, 5);

        await client.SendAsync(CloseRequest(position.PositionId, MinVolume), "half");
        var (partial, partialEvents) = await CloseAsync(client, "half");
        await client.SendAsync(CloseRequest(position.PositionId, MinVolume), "rest");
        var (full, fullEvents) = await CloseAsync(client, "rest");

        Assert.Equal(ProtoOAExecutionType.OrderPartialFill, partial.ExecutionType);
        Assert.Equal((ProtoOAPositionStatus.PositionStatusOpen, MinVolume), (partial.Position.PositionStatus,
            partial.Position.TradeData.Volume));
        Assert.True(partial.Order.ClosingOrder);
        Assert.Equal(MinVolume, partial.Deal.ClosePositionDetail.ClosedVolume);
        Assert.Contains(partialEvents, e => e is ProtoOAMarginChangedEvent);
        Assert.Equal(ProtoOAExecutionType.OrderFilled, full.ExecutionType);
        Assert.Equal(ProtoOAPositionStatus.PositionStatusClosed, full.Position.PositionStatus);
        var trader = fullEvents.OfType<ProtoOATraderUpdatedEvent>().Single().Trader;
        var profit = partial.Deal.ClosePositionDetail.GrossProfit + full.Deal.ClosePositionDetail.GrossProfit;
        Assert.Equal(1_000_000 + profit, trader.Balance);
        Assert.Equal(trader.Balance, full.Deal.ClosePositionDetail.Balance);
    }

    [Fact]
    public async Task Closing_an_unknown_position_or_too_much_gets_an_OrderErrorEvent()
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync();
        var position = (await FilledAsync(client, MarketOrder())).Position;

        await client.SendAsync(CloseRequest(424242, MinVolume), "unknown");
        var unknown = await client.ExpectAsync<ProtoOAOrderErrorEvent>("unknown");
        await client.SendAsync(CloseRequest(position.PositionId, 2 * MinVolume), "too-much");

        Assert.Equal("POSITION_NOT_FOUND", unknown.ErrorCode);
        Assert.Equal("TRADING_BAD_VOLUME", (await client.ExpectAsync<ProtoOAOrderErrorEvent>("too-much")).ErrorCode);
    }

    [Fact]
    public async Task Pending_order_can_be_amended_and_cancelled_and_shows_in_Reconcile_meanwhile()
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync();

        await client.SendAsync(LimitOrder(1.0), "limit");
        var accepted = await client.ExpectAsync<ProtoOAExecutionEvent>("limit");
        var orderId = accepted.Order.OrderId;
        await client.SendAsync(new ProtoOAAmendOrderReq { CtidTraderAccountId = Demo1, OrderId = orderId, LimitPrice = 1.01 }, "amend");
        var replaced = await client.ExpectAsync<ProtoOAExecutionEvent>("amend");
        await client.SendAsync(new ProtoOAReconcileReq { CtidTraderAccountId = Demo1 }, "rec");
        var pending = await client.ExpectAsync<ProtoOAReconcileRes>("rec");
        await client.SendAsync(new ProtoOACancelOrderReq { CtidTraderAccountId = Demo1, OrderId = orderId }, "cancel");
        var cancelled = await client.ExpectAsync<ProtoOAExecutionEvent>("cancel");
        await client.SendAsync(new ProtoOACancelOrderReq { CtidTraderAccountId = Demo1, OrderId = orderId }, "again");
        var gone = await client.ExpectAsync<ProtoOAOrderErrorEvent>("again");

        Assert.Equal(ProtoOAOrderType.Limit, accepted.Order.OrderType);
        Assert.Equal((ProtoOAExecutionType.OrderReplaced, 1.01), (replaced.ExecutionType, replaced.Order.LimitPrice));
        Assert.Equal(orderId, pending.Order.Single().OrderId);
        Assert.Equal((ProtoOAExecutionType.OrderCancelled, ProtoOAOrderStatus.OrderStatusCancelled), (cancelled.ExecutionType,
            cancelled.Order.OrderStatus));
        Assert.Equal("ORDER_NOT_FOUND", gone.ErrorCode);
    }

    [Theory]
    [InlineData(ProtoOAOrderType.Limit, ProtoOATradeSide.Buy, 1.5)]
    [InlineData(ProtoOAOrderType.Limit, ProtoOATradeSide.Sell, 0.5)]
    [InlineData(ProtoOAOrderType.Stop, ProtoOATradeSide.Buy, 0.5)]
    [InlineData(ProtoOAOrderType.Stop, ProtoOATradeSide.Sell, 1.5)]
    [InlineData(ProtoOAOrderType.StopLimit, ProtoOATradeSide.Buy, 1.0)]
    public async Task Pending_order_fills_when_the_price_reaches_it(ProtoOAOrderType type, ProtoOATradeSide side, double price)
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync();
        var order = LimitOrder(price, side);
        order.OrderType = type;
        if (type != ProtoOAOrderType.Limit)
        {
            order.ClearLimitPrice();
            order.StopPrice = price;
            order.SlippageInPoints = 500_000;
        }

        // Every price is already on the filling side of the market, so the order fills on the first move of EURUSD.
        await client.SendAsync(order, "pending");
        var accepted = await client.ExpectAsync<ProtoOAExecutionEvent>("pending");
        var fill = await NextExecutionAsync(host, client, e => e.ExecutionType == ProtoOAExecutionType.OrderFilled);

        Assert.Equal(ProtoOAOrderStatus.OrderStatusAccepted, accepted.Order.OrderStatus);
        Assert.Equal((accepted.Order.OrderId, type), (fill.Order.OrderId, fill.Order.OrderType));
        Assert.Equal((ProtoOAPositionStatus.PositionStatusOpen, side), (fill.Position.PositionStatus, fill.Position.TradeData.TradeSide));
    }

    [Fact]
    public async Task Good_till_date_order_expires_as_a_server_event()
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync();
        var order = LimitOrder(0.5);
        order.TimeInForce = ProtoOATimeInForce.GoodTillDate;
        order.ExpirationTimestamp = host.Time.GetUtcNow().AddSeconds(2).ToUnixTimeMilliseconds();

        await client.SendAsync(order, "gtd");
        await client.ExpectAsync<ProtoOAExecutionEvent>("gtd");
        var expired = await NextExecutionAsync(host, client, e => e.ExecutionType == ProtoOAExecutionType.OrderExpired);

        Assert.Equal(ProtoOAOrderStatus.OrderStatusExpired, expired.Order.OrderStatus);
        Assert.True(expired.IsServerEvent);
    }

    [Fact]
    public async Task Stop_loss_or_take_profit_closes_the_position_as_a_server_event()
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync();
        var position = (await FilledAsync(client, MarketOrder())).Position;

        await client.SendAsync(new ProtoOAAmendPositionSLTPReq { CtidTraderAccountId = Demo1, PositionId = position.PositionId,
            StopLoss = position.Price + 0.001 }, "wrong");
        var badStops = await client.ExpectAsync<ProtoOAOrderErrorEvent>("wrong");
        await client.SendAsync(new ProtoOAAmendPositionSLTPReq
        {
            CtidTraderAccountId = Demo1, PositionId = position.PositionId, StopLoss = Math.Round(position.Price - 0.0001, 5),
            TakeProfit = Math.Round(position.Price + 0.00001, 5),
        }, "protect");
        var amended = await client.ExpectAsync<ProtoOAExecutionEvent>("protect");
        var closed = await NextExecutionAsync(host, client, e => e.IsServerEvent);

        Assert.Equal("TRADING_BAD_STOPS", badStops.ErrorCode);
        Assert.Equal(ProtoOAExecutionType.OrderReplaced, amended.ExecutionType);
        Assert.True(amended.Position.HasStopLoss && amended.Position.HasTakeProfit);
        Assert.Equal(ProtoOAOrderType.StopLossTakeProfit, closed.Order.OrderType);
        Assert.Equal(ProtoOAPositionStatus.PositionStatusClosed, closed.Position.PositionStatus);
    }

    [Fact]
    public async Task View_only_token_cannot_trade()
    {
        await using var host = await StartAsync(o =>
            o.Credentials.Tokens = [new TokenOptions { AccessToken = Token, RefreshToken = "r", AccountIds = [Demo1], ViewOnly = true }]);
        var client = await host.AuthorizedAsync();

        await client.SendAsync(MarketOrder(), "buy");

        Assert.Equal("TRADING_NOT_ALLOWED", (await client.ExpectAsync<ProtoOAOrderErrorEvent>("buy")).ErrorCode);
    }

    private static async Task<(ProtoOAExecutionEvent Fill, List<Google.Protobuf.IMessage> Others)> CloseAsync(RawClient client, string id)
    {
        var accepted = await client.ExpectAsync<ProtoOAExecutionEvent>(id);
        Assert.Equal(ProtoOAExecutionType.OrderAccepted, accepted.ExecutionType);
        var fill = await client.ExpectAsync<ProtoOAExecutionEvent>(id);
        var (trader, others) = await client.CollectUntilAsync<ProtoOATraderUpdatedEvent>();
        others.Add(trader);
        return (fill, others);
    }

    private static async Task<ProtoOAExecutionEvent> NextExecutionAsync(
        SimulatorHost host, RawClient client, Func<ProtoOAExecutionEvent, bool> wanted)
    {
        for (var tick = 0; tick < 200; tick++)
        {
            var match = (await host.AdvanceTicksAsync(client)).OfType<ProtoOAExecutionEvent>().FirstOrDefault(wanted);
            if (match is not null)
            {
                return match;
            }
        }

        throw new Xunit.Sdk.XunitException("No matching execution within 200 market ticks.");
    }
}
