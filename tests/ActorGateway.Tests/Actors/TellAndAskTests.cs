using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;
using ActorGateway.Tests.Support;
using Akka.Actor;

namespace ActorGateway.Tests.Actors;

public sealed class TellAndAskTests : GatewayTestKit
{
    [Fact]
    public async Task A_request_told_by_an_actor_comes_back_to_it_as_the_response_message()
    {
        var gateway = CreateGateway().Gateway;
        var strategy = CreateTestProbe();

        gateway.Tell(new ProtoOAReconcileReq { CtidTraderAccountId = 7 }, strategy);
        var server = await Transport.AcceptAsync();
        var (request, id) = await server.ExpectAsync<ProtoOAReconcileReq>();
        await server.SendAsync(new ProtoOAReconcileRes { CtidTraderAccountId = 7 }, id);

        Assert.Equal(7, request.CtidTraderAccountId);
        Assert.Equal(7, strategy.ExpectMsg<ProtoOAReconcileRes>().CtidTraderAccountId);
        Assert.False(string.IsNullOrEmpty(id)); // the gateway chose the clientMsgId
    }

    [Fact]
    public async Task Ask_returns_the_typed_reply_and_throws_the_typed_rejection()
    {
        var gateway = CreateGateway().Gateway;
        var version = gateway.Ask<ProtoOAVersionRes>(new ProtoOAVersionReq());
        var server = await Transport.AcceptAsync();
        var (_, id) = await server.ExpectAsync<ProtoOAVersionReq>();
        await server.SendAsync(new ProtoOAVersionRes { Version = "91" }, id);
        Assert.Equal("91", (await version.OrTimeout()).Version);

        var trader = gateway.Ask<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = 3 });
        (_, id) = await server.ExpectAsync<ProtoOATraderReq>();
        await server.SendAsync(new ProtoOAErrorRes { ErrorCode = "ACCOUNT_NOT_AUTHORIZED", CtidTraderAccountId = 3 }, id);

        var rejected = await Assert.ThrowsAsync<GatewayRejectedException>(() => trader.OrTimeout());
        Assert.Equal("ACCOUNT_NOT_AUTHORIZED", rejected.ErrorCode);
    }

    [Fact]
    public async Task A_request_with_its_own_timeout_fails_with_a_timeout_on_virtual_time()
    {
        var client = CreateGateway();
        var asking = client.Gateway.Ask<ProtoOAVersionRes>(new GatewayRequest(new ProtoOAVersionReq(), TimeSpan.FromSeconds(2)));
        var server = await Transport.AcceptAsync();
        await server.ExpectAsync<ProtoOAVersionReq>();

        Time.Advance(TimeSpan.FromSeconds(1.9));
        await SettleAsync(client);
        Assert.False(asking.IsCompleted);
        Time.Advance(TimeSpan.FromSeconds(0.2));

        var timeout = await Assert.ThrowsAsync<GatewayTimeoutException>(() => asking.OrTimeout());
        Assert.True(timeout.WasWritten);
        Assert.Equal(TimeSpan.FromSeconds(2), timeout.Timeout);
    }

    [Fact]
    public async Task A_request_its_write_guard_refuses_fails_with_the_guards_exception_and_is_never_written()
    {
        var gateway = CreateGateway().Gateway;
        var refusal = new GatewayConnectionException(ConnectionFailureKind.NotConnected, "no longer allowed to act");

        var refused = gateway.Ask<ProtoOAVersionRes>(new GatewayRequest(new ProtoOAVersionReq(), WriteGuard: () => refusal));
        var order = gateway.Ask<ProtoOAExecutionEvent>(new GatewayRequest(
            new ProtoOANewOrderReq { CtidTraderAccountId = 3, SymbolId = 1, Volume = 100 }, WriteGuard: () => refusal));
        var allowed = gateway.Ask<ProtoOAReconcileRes>(new GatewayRequest(new ProtoOAReconcileReq { CtidTraderAccountId = 3 }, WriteGuard: () => null));

        Assert.Same(refusal, await Assert.ThrowsAsync<GatewayConnectionException>(() => refused.OrTimeout()));
        Assert.Same(refusal, await Assert.ThrowsAsync<GatewayConnectionException>(() => order.OrTimeout()));
        var server = await Transport.AcceptAsync();
        var (first, id) = await server.ExpectAsync<ProtoOAReconcileReq>(); // the first frame: the refused two never went out
        await server.SendAsync(new ProtoOAReconcileRes { CtidTraderAccountId = 3 }, id);
        Assert.Equal(3, first.CtidTraderAccountId);
        Assert.Equal(3, (await allowed.OrTimeout()).CtidTraderAccountId);
    }

    [Fact]
    public async Task A_lost_connection_fails_a_written_request_once_as_written()
    {
        var gateway = CreateGateway().Gateway;
        var strategy = CreateTestProbe();
        gateway.Tell(new ProtoOAVersionReq(), strategy);
        var server = await Transport.AcceptAsync();
        await server.ExpectAsync<ProtoOAVersionReq>();
        await server.CloseAsync();

        var failure = strategy.ExpectMsg<Status.Failure>();
        var lost = Assert.IsType<GatewayConnectionException>(failure.Cause);
        Assert.Equal(ConnectionFailureKind.ServerClosed, lost.Kind);
        Assert.True(lost.WasWritten);
        strategy.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_message_that_is_not_a_request_fails_at_once_with_an_argument_error()
    {
        var gateway = CreateGateway().Gateway;
        var strategy = CreateTestProbe();

        gateway.Tell(new ProtoOAVersionRes { Version = "1" }, strategy);

        var failure = strategy.ExpectMsg<Status.Failure>();
        Assert.Contains("not a request", Assert.IsType<ArgumentException>(failure.Cause).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connection_state_subscribers_hear_the_current_state_then_every_change()
    {
        var client = CreateGateway();
        var watcher = CreateTestProbe();
        client.Gateway.Tell(new SubscribeConnectionState(watcher));
        Assert.Equal(ConnectionState.Idle, watcher.ExpectMsg<ConnectionStateChanged>().State);

        _ = client.ConnectAsync();
        Assert.Equal(ConnectionState.Connecting, watcher.ExpectMsg<ConnectionStateChanged>().State);
        var server = await Transport.AcceptAsync();
        var connected = watcher.ExpectMsg<ConnectionStateChanged>();
        Assert.Equal((ConnectionState.Connected, "test-host"), (connected.State, connected.Endpoint?.Host));

        await server.CloseAsync();
        var lost = watcher.ExpectMsg<ConnectionStateChanged>();
        Assert.Equal(ConnectionState.WaitingToReconnect, lost.State);
        Assert.Equal(ConnectionFailureKind.ServerClosed, lost.Reason?.Kind);

        client.Gateway.Tell(new UnsubscribeConnectionState(watcher));
        await SettleAsync(client);
        Time.Advance(TimeSpan.FromSeconds(1));
        await Transport.AcceptAsync();
        watcher.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }
}
