using System.Globalization;
using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;
using ActorGateway.Tests.Support;
using Google.Protobuf;

namespace ActorGateway.Tests.Correlation;

public sealed class AskTests
{
    [Fact]
    public async Task AskAsync_reply_with_its_clientMsgId_completes_with_the_typed_reply()
    {
        await using var harness = new ClientHarness();
        var server = await harness.ConnectAsync();

        var asking = harness.Client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq());
        var (_, id) = await server.ExpectAsync<ProtoOAVersionReq>();
        await server.SendAsync(new ProtoOAVersionRes { Version = "91" }, id);

        var reply = await asking.OrTimeout();
        Assert.Equal("91", reply.Version);
        Assert.True(long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _),
            $"clientMsgId '{id}' is not a decimal number");
    }

    [Fact]
    public async Task AskAsync_concurrent_requests_get_unique_ids_and_their_own_replies_in_any_order()
    {
        await using var harness = new ClientHarness();
        var server = await harness.ConnectAsync();

        var first = harness.Client.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = 1 });
        var second = harness.Client.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = 2 });
        var (_, firstId) = await server.ExpectAsync<ProtoOATraderReq>();
        var (_, secondId) = await server.ExpectAsync<ProtoOATraderReq>();
        await server.SendAsync(Trader(2), secondId);
        await server.SendAsync(Trader(1), firstId);

        Assert.NotEqual(firstId, secondId);
        Assert.Equal(1, (await first.OrTimeout()).CtidTraderAccountId);
        Assert.Equal(2, (await second.OrTimeout()).CtidTraderAccountId);
    }

    [Fact]
    public async Task AskAsync_before_connecting_connects_lazily_and_sends_the_request()
    {
        await using var harness = new ClientHarness();

        var asking = harness.Client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq());
        var server = await harness.Transport.AcceptAsync();
        var (_, id) = await server.ExpectAsync<ProtoOAVersionReq>();
        await server.SendAsync(new ProtoOAVersionRes { Version = "1" }, id);

        Assert.Equal("1", (await asking.OrTimeout()).Version);
        Assert.Equal(ConnectionState.Connected, harness.Client.State);
    }

    [Fact]
    public async Task AskAsync_OAErrorRes_reply_throws_rejected_with_code_description_and_retryAfter()
    {
        await using var harness = new ClientHarness();
        var server = await harness.ConnectAsync();

        var asking = harness.Client.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = 7 });
        var (_, id) = await server.ExpectAsync<ProtoOATraderReq>();
        await server.SendAsync(new ProtoOAErrorRes
        {
            ErrorCode = "BLOCKED_PAYLOAD_TYPE", Description = "slow down", RetryAfter = 3, CtidTraderAccountId = 7,
        }, id);

        var error = await Assert.ThrowsAsync<GatewayRejectedException>(() => asking.OrTimeout());
        Assert.Equal("BLOCKED_PAYLOAD_TYPE", error.ErrorCode);
        Assert.Equal("slow down", error.Description);
        Assert.Equal(TimeSpan.FromSeconds(3), error.RetryAfter);
        Assert.Equal(7, error.AccountId);
        Assert.Equal(2142u, error.PayloadType);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task AskAsync_ProtoErrorRes_reply_throws_rejected_with_maintenance_end()
    {
        await using var harness = new ClientHarness();
        var server = await harness.ConnectAsync();

        var asking = harness.Client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq());
        var (_, id) = await server.ExpectAsync<ProtoOAVersionReq>();
        var maintenance = new ProtoErrorRes { ErrorCode = "SERVER_IS_UNDER_MAINTENANCE", MaintenanceEndTimestamp = 1_700_000_000_000 };
        await server.SendAsync(maintenance, id);

        var error = await Assert.ThrowsAsync<GatewayRejectedException>(() => asking.OrTimeout());
        Assert.Equal("SERVER_IS_UNDER_MAINTENANCE", error.ErrorCode);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000), error.MaintenanceEnd);
        Assert.Null(error.Description);
    }

    [Fact]
    public async Task AskAsync_trading_request_ends_on_first_execution_event_and_every_event_reaches_subscribers()
    {
        await using var harness = new ClientHarness();
        var received = harness.ListenToMessages();
        var server = await harness.ConnectAsync();

        var ordering = harness.Client.AskAsync<ProtoOAExecutionEvent>(Replies.MarketOrder(5));
        var (_, id) = await server.ExpectAsync<ProtoOANewOrderReq>();
        await server.SendAsync(Replies.Execution(5, ProtoOAExecutionType.OrderAccepted), id);
        await server.SendAsync(Replies.Execution(5, ProtoOAExecutionType.OrderFilled), id);

        Assert.Equal(ProtoOAExecutionType.OrderAccepted, (await ordering.OrTimeout()).ExecutionType);
        var accepted = (ProtoOAExecutionEvent)(await received.ExpectAsync()).Message.Payload;
        var filled = (ProtoOAExecutionEvent)(await received.ExpectAsync()).Message.Payload;
        Assert.Equal(ProtoOAExecutionType.OrderAccepted, accepted.ExecutionType);
        Assert.Equal(ProtoOAExecutionType.OrderFilled, filled.ExecutionType);
    }

    [Fact]
    public async Task AskAsync_trading_request_answered_by_OrderErrorEvent_throws_rejected_with_order_and_position()
    {
        await using var harness = new ClientHarness();
        var server = await harness.ConnectAsync();

        var ordering = harness.Client.AskAsync<ProtoOAExecutionEvent>(Replies.MarketOrder(5));
        var (_, id) = await server.ExpectAsync<ProtoOANewOrderReq>();
        await server.SendAsync(new ProtoOAOrderErrorEvent
        {
            CtidTraderAccountId = 5, ErrorCode = "NOT_ENOUGH_MONEY", OrderId = 0, PositionId = 12,
        }, id);

        var error = await Assert.ThrowsAsync<GatewayRejectedException>(() => ordering.OrTimeout());
        Assert.Equal("NOT_ENOUGH_MONEY", error.ErrorCode);
        Assert.Equal(0, error.OrderId);
        Assert.Equal(12, error.PositionId);
        Assert.Equal(5, error.AccountId);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task AskAsync_reply_with_unknown_clientMsgId_is_an_event_and_leaves_the_request_pending()
    {
        await using var harness = new ClientHarness();
        var received = harness.ListenToMessages();
        var server = await harness.ConnectAsync();

        var asking = harness.Client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq());
        var (_, id) = await server.ExpectAsync<ProtoOAVersionReq>();
        await server.SendAsync(new ProtoOAVersionRes { Version = "foreign" }, "cTrader-app-42");
        await server.SendAsync(new ProtoOAVersionRes { Version = "foreign-number" }, "12");

        Assert.Equal("cTrader-app-42", (await received.ExpectAsync()).Message.ClientMsgId);
        Assert.Equal("12", (await received.ExpectAsync()).Message.ClientMsgId);
        Assert.False(asking.IsCompleted);
        await server.SendAsync(new ProtoOAVersionRes { Version = "mine" }, id);
        Assert.Equal("mine", (await asking.OrTimeout()).Version);
    }

    [Fact]
    public async Task AskAsync_message_of_another_type_carrying_the_id_does_not_end_the_request()
    {
        await using var harness = new ClientHarness();
        var server = await harness.ConnectAsync();

        var asking = harness.Client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq());
        var (_, id) = await server.ExpectAsync<ProtoOAVersionReq>();
        await server.SendAsync(new ProtoOASpotEvent { CtidTraderAccountId = 1, SymbolId = 1 }, id);
        await server.SendAsync(new ProtoOAVersionRes { Version = "2" }, id);

        Assert.Equal("2", (await asking.OrTimeout()).Version);
    }

    [Fact]
    public async Task AskAsync_reply_type_that_does_not_answer_the_request_is_refused_at_once()
    {
        await using var harness = new ClientHarness();

        var error = Assert.Throws<ArgumentException>(() => { _ = harness.Client.AskAsync<ProtoOATraderRes>(new ProtoOAVersionReq()); });
        Assert.Contains("ProtoOATraderRes", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => { _ = harness.Client.AskAsync<IMessage>(new ProtoOAVersionRes { Version = "x" }); });
        Assert.Throws<ArgumentException>(() => { _ = harness.Client.AskAsync<IMessage>(new ProtoOATrader()); });
        Assert.Equal(ConnectionState.Idle, harness.Client.State);
    }

    [Fact]
    public async Task AskAsync_request_missing_a_required_field_fails_typed_and_writes_nothing()
    {
        await using var harness = new ClientHarness();
        var server = await harness.ConnectAsync();

        var asking = harness.Client.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq());
        var error = await Assert.ThrowsAsync<GatewayProtocolException>(() => asking.OrTimeout());

        Assert.Equal(Protocol.ProtocolErrorKind.MissingRequiredField, error.ProtocolErrorKind);
        Assert.Contains("ctidTraderAccountId", error.Message, StringComparison.Ordinal);
        await harness.RoundTripAsync(server); // the next frame written is the next request: nothing was written for the bad one
    }

    [Fact]
    public async Task AskAsync_reply_whose_payload_cannot_be_decoded_fails_only_that_request()
    {
        await using var harness = new ClientHarness();
        harness.Logs.Expect(1008);
        var server = await harness.ConnectAsync();

        var asking = harness.Client.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = 3 });
        var (_, id) = await server.ExpectAsync<ProtoOATraderReq>();
        await server.SendUncheckedAsync(new ProtoOATraderRes { CtidTraderAccountId = 3 }, id); // its required trader is missing

        var error = await Assert.ThrowsAsync<GatewayProtocolException>(() => asking.OrTimeout());
        Assert.Equal(Protocol.ProtocolErrorKind.MissingRequiredField, error.ProtocolErrorKind);
        await harness.RoundTripAsync(server);
        Assert.Equal(ConnectionState.Connected, harness.Client.State);
    }

    private static ProtoOATraderRes Trader(long accountId) => new()
    {
        CtidTraderAccountId = accountId,
        Trader = new ProtoOATrader { CtidTraderAccountId = accountId, Balance = 100, DepositAssetId = 1 },
    };
}
