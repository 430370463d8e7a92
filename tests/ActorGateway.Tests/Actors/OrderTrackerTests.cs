using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;
using ActorGateway.Tests.Support;
using ActorGateway.Trading;
using Akka.Actor;
using static ActorGateway.Tests.Support.Orders;

namespace ActorGateway.Tests.Actors;

public sealed class OrderTrackerTests : GatewayTestKit
{
    [Fact]
    public async Task A_market_order_reports_its_reply_then_each_step_then_its_final_state()
    {
        var gateway = CreateGateway().Gateway;
        var strategy = CreateTestProbe();

        gateway.Tell(Replies.MarketOrder(1), strategy);
        var server = await Transport.AcceptAsync();
        var (placed, id) = await server.ExpectAsync<ProtoOANewOrderReq>();
        await server.SendAsync(Event(ProtoOAExecutionType.OrderAccepted, Order(55, ProtoOAOrderStatus.OrderStatusAccepted, placed.ClientOrderId)), id);
        await server.SendAsync(Event(ProtoOAExecutionType.OrderPartialFill,
            Order(55, ProtoOAOrderStatus.OrderStatusAccepted, placed.ClientOrderId, executedVolume: 400)));
        await server.SendAsync(Event(ProtoOAExecutionType.OrderFilled,
            Order(55, ProtoOAOrderStatus.OrderStatusFilled, placed.ClientOrderId, executedVolume: 1000)));

        Assert.StartsWith("ag-", placed.ClientOrderId, StringComparison.Ordinal); // so a reconcile could find it
        Assert.Equal(ProtoOAExecutionType.OrderAccepted, strategy.ExpectMsg<ProtoOAExecutionEvent>().ExecutionType);
        var partial = strategy.ExpectMsg<OrderUpdate>();
        Assert.Equal((OrderState.Working, 400L), (partial.State, partial.Order!.ExecutedVolume));
        Assert.Equal(OrderState.Filled, strategy.ExpectMsg<OrderUpdate>().State);
        var outcome = strategy.ExpectMsg<OrderOutcome>();
        Assert.Equal((OrderState.Filled, 55L, false), (outcome.State, outcome.OrderId, outcome.ResolvedByReconcile));
        strategy.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task A_refused_order_fails_with_the_rejection_then_reports_rejected()
    {
        var gateway = CreateGateway().Gateway;
        var strategy = CreateTestProbe();

        gateway.Tell(Replies.MarketOrder(1), strategy);
        var server = await Transport.AcceptAsync();
        var (_, id) = await server.ExpectAsync<ProtoOANewOrderReq>();
        await server.SendAsync(new ProtoOAOrderErrorEvent { CtidTraderAccountId = 1, ErrorCode = "NOT_ENOUGH_MONEY" }, id);

        var rejected = Assert.IsType<GatewayRejectedException>(strategy.ExpectMsg<Status.Failure>().Cause);
        Assert.Equal("NOT_ENOUGH_MONEY", rejected.ErrorCode);
        Assert.Equal(OrderState.Rejected, strategy.ExpectMsg<OrderOutcome>().State);
    }

    [Fact]
    public async Task An_order_whose_reply_never_came_is_reconciled_from_the_server_and_never_sent_again()
    {
        var client = CreateGateway();
        var strategy = CreateTestProbe();

        client.Gateway.Tell(new GatewayRequest(Replies.MarketOrder(1), TimeSpan.FromSeconds(2)), strategy);
        var server = await Transport.AcceptAsync();
        var (placed, _) = await server.ExpectAsync<ProtoOANewOrderReq>();
        Time.Advance(TimeSpan.FromSeconds(2.1));

        Assert.True(Assert.IsType<GatewayTimeoutException>(strategy.ExpectMsg<Status.Failure>().Cause).WasWritten);
        var (reconcile, reconcileId) = await server.ExpectAsync<ProtoOAReconcileReq>();
        await server.SendAsync(new ProtoOAReconcileRes { CtidTraderAccountId = reconcile.CtidTraderAccountId }, reconcileId);
        var (_, historyId) = await server.ExpectAsync<ProtoOAOrderListReq>();
        await server.SendAsync(new ProtoOAOrderListRes
        {
            CtidTraderAccountId = 1,
            HasMore = false,
            Order = { Order(54, ProtoOAOrderStatus.OrderStatusFilled, "someone-else"), Order(55, ProtoOAOrderStatus.OrderStatusFilled, placed.ClientOrderId) },
        }, historyId);

        var outcome = strategy.ExpectMsg<OrderOutcome>();
        Assert.Equal((OrderState.Filled, 55L, true), (outcome.State, outcome.OrderId, outcome.ResolvedByReconcile));
        await RoundTripAsync(client.Gateway, server); // the next frame is this, not the order again
    }

    [Fact]
    public async Task An_order_in_doubt_that_the_server_never_saw_is_reported_not_placed()
    {
        var client = CreateGateway();
        var strategy = CreateTestProbe();

        client.Gateway.Tell(new GatewayRequest(Replies.MarketOrder(1), TimeSpan.FromSeconds(2)), strategy);
        var server = await Transport.AcceptAsync();
        await server.ExpectAsync<ProtoOANewOrderReq>();
        Time.Advance(TimeSpan.FromSeconds(2.1));
        strategy.ExpectMsg<Status.Failure>();
        var (_, reconcileId) = await server.ExpectAsync<ProtoOAReconcileReq>();
        await server.SendAsync(new ProtoOAReconcileRes { CtidTraderAccountId = 1 }, reconcileId);
        var (_, historyId) = await server.ExpectAsync<ProtoOAOrderListReq>();
        await server.SendAsync(new ProtoOAOrderListRes { CtidTraderAccountId = 1, HasMore = false }, historyId);

        var outcome = strategy.ExpectMsg<OrderOutcome>();
        Assert.Equal((OrderState.NotPlaced, true), (outcome.State, outcome.ResolvedByReconcile));
    }

    [Fact]
    public async Task An_order_whose_connection_was_lost_is_found_working_on_the_next_one_and_followed_to_its_fill()
    {
        var client = CreateGateway();
        var strategy = CreateTestProbe();

        client.Gateway.Tell(Replies.MarketOrder(1), strategy);
        var server = await Transport.AcceptAsync();
        var (placed, _) = await server.ExpectAsync<ProtoOANewOrderReq>();
        await server.CloseAsync();
        Assert.True(Assert.IsType<GatewayConnectionException>(strategy.ExpectMsg<Status.Failure>().Cause).WasWritten);

        await SettleAsync(client);
        Time.Advance(TimeSpan.FromSeconds(1)); // the retry delay
        server = await Transport.AcceptAsync();
        var (_, reconcileId) = await server.ExpectAsync<ProtoOAReconcileReq>();
        await server.SendAsync(new ProtoOAReconcileRes
        {
            CtidTraderAccountId = 1,
            Order = { Order(77, ProtoOAOrderStatus.OrderStatusAccepted, placed.ClientOrderId) },
        }, reconcileId);
        var working = strategy.ExpectMsg<OrderUpdate>();
        Assert.Equal((OrderState.Working, 77L), (working.State, working.Order!.OrderId));

        await server.SendAsync(Event(ProtoOAExecutionType.OrderFilled, Order(77, ProtoOAOrderStatus.OrderStatusFilled, placed.ClientOrderId, 1000)));
        Assert.Equal(OrderState.Filled, strategy.ExpectMsg<OrderUpdate>().State);
        var outcome = strategy.ExpectMsg<OrderOutcome>();
        Assert.Equal((OrderState.Filled, 77L), (outcome.State, outcome.OrderId));
    }

    [Fact]
    public async Task A_tracker_that_fails_tells_its_requester_once_and_never_sends_the_order_again()
    {
        var client = CreateGateway();
        var strategy = CreateTestProbe();
        client.Gateway.Tell(Replies.MarketOrder(1), strategy);
        var server = await Transport.AcceptAsync();
        await server.ExpectAsync<ProtoOANewOrderReq>();

        var tracker = (await Sys.ActorSelection(client.Gateway.Path / "order-*").Ask<ActorIdentity>(new Identify(null)).OrTimeout()).Subject;
        tracker.Tell(Kill.Instance); // fails it: its supervisor restarts it, and a restarted tracker stops

        var fault = Assert.IsType<GatewayConnectionException>(strategy.ExpectMsg<Status.Failure>().Cause);
        Assert.Equal(ConnectionFailureKind.Faulted, fault.Kind);
        Assert.Equal(OrderState.Unknown, strategy.ExpectMsg<OrderOutcome>().State);
        Watch(tracker);
        ExpectTerminated(tracker);
        await RoundTripAsync(client.Gateway, server); // the next frame is this, not the order again
        strategy.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Ask_gets_only_the_reply_of_a_trading_request()
    {
        var gateway = CreateGateway().Gateway;

        var asking = gateway.Ask<ProtoOAExecutionEvent>(Replies.MarketOrder(1));
        var server = await Transport.AcceptAsync();
        var (placed, id) = await server.ExpectAsync<ProtoOANewOrderReq>();
        await server.SendAsync(Event(ProtoOAExecutionType.OrderFilled, Order(9, ProtoOAOrderStatus.OrderStatusFilled, placed.ClientOrderId, 1000)), id);

        Assert.Equal(9, (await asking.OrTimeout()).Order.OrderId);
    }
}
