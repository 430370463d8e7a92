using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Tests.Support;
using static ActorGateway.Simulator.Tests.Support.Orders;
using static ActorGateway.Simulator.Tests.Support.SimulatorHost;

namespace ActorGateway.Simulator.Tests;

public sealed class AccountHistoryTests
{
    [Fact]
    public async Task Deal_and_order_listings_show_what_was_traded()
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync();
        var first = await FilledAsync(client, MarketOrder(), "one");
        var second = await FilledAsync(client, MarketOrder(ProtoOATradeSide.Sell), "two");

        await client.SendAsync(new ProtoOADealListReq { CtidTraderAccountId = Demo1, MaxRows = 1 }, "deals-1");
        var onePage = await client.ExpectAsync<ProtoOADealListRes>("deals-1");
        await client.SendAsync(new ProtoOADealListReq { CtidTraderAccountId = Demo1 }, "deals");
        var all = await client.ExpectAsync<ProtoOADealListRes>("deals");
        await client.SendAsync(new ProtoOADealListByPositionIdReq { CtidTraderAccountId = Demo1,
            PositionId = second.Position.PositionId }, "by-pos");
        var ofSecond = await client.ExpectAsync<ProtoOADealListByPositionIdRes>("by-pos");
        await client.SendAsync(new ProtoOAOrderListReq { CtidTraderAccountId = Demo1 }, "orders");
        var orders = await client.ExpectAsync<ProtoOAOrderListRes>("orders");
        await client.SendAsync(new ProtoOAOrderDetailsReq { CtidTraderAccountId = Demo1, OrderId = first.Order.OrderId }, "details");
        var details = await client.ExpectAsync<ProtoOAOrderDetailsRes>("details");

        Assert.True(onePage.HasMore);
        Assert.Single(onePage.Deal);
        Assert.False(all.HasMore);
        Assert.Equal([first.Deal.DealId, second.Deal.DealId], all.Deal.Select(d => d.DealId));
        Assert.Equal(second.Deal.DealId, ofSecond.Deal.Single().DealId);
        Assert.Equal([first.Order.OrderId, second.Order.OrderId], orders.Order.Select(o => o.OrderId));
        Assert.Equal((ProtoOAOrderStatus.OrderStatusFilled, first.Deal.DealId), (details.Order.OrderStatus, details.Deal.Single().DealId));
    }

    [Fact]
    public async Task ExpectedMargin_is_notional_over_leverage_in_money_units()
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync();

        await client.SendAsync(new ProtoOAExpectedMarginReq { CtidTraderAccountId = Demo1, SymbolId = EurUsd, Volume = { MinVolume,
            10 * MinVolume } }, "m");
        var res = await client.ExpectAsync<ProtoOAExpectedMarginRes>("m");

        // 1,000 EUR at about 1.08 USD with 1:100 leverage is about 10.80 USD, i.e. about 1,080 cents.
        Assert.Equal(2u, res.MoneyDigits);
        Assert.InRange(res.Margin[0].BuyMargin, 900, 1300);
        Assert.InRange(res.Margin[1].BuyMargin, (10 * res.Margin[0].BuyMargin) - 10, (10 * res.Margin[0].BuyMargin) + 10);
    }

    [Fact]
    public async Task OrderDetails_of_an_unknown_order_gets_ORDER_NOT_FOUND()
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync();

        await client.SendAsync(new ProtoOAOrderDetailsReq { CtidTraderAccountId = Demo1, OrderId = 5 }, "details");

        Assert.Equal("ORDER_NOT_FOUND", (await client.ExpectAsync<ProtoOAErrorRes>("details")).ErrorCode);
    }
}
