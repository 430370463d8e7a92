using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;
using ActorGateway.Tests.Support;

namespace ActorGateway.Tests.Connection;

public sealed class DisconnectTests
{
    [Fact]
    public async Task ServerClose_fails_every_sent_request_at_once_and_raises_disconnected()
    {
        await using var harness = new ClientHarness();
        var server = await harness.ConnectAsync();

        var first = harness.Client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq(), TimeSpan.FromHours(1));
        var second = harness.Client.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = 1 }, TimeSpan.FromHours(1));
        await server.ExpectAsync<ProtoOAVersionReq>();
        await server.ExpectAsync<ProtoOATraderReq>();
        await server.CloseAsync();

        // No time passes: the requests fail because the connection went, not because their hour ran out.
        var firstError = await Assert.ThrowsAsync<GatewayConnectionException>(() => first.OrTimeout());
        var secondError = await Assert.ThrowsAsync<GatewayConnectionException>(() => second.OrTimeout());
        Assert.Equal(ConnectionFailureKind.ServerClosed, firstError.Kind);
        Assert.Equal(ConnectionFailureKind.ServerClosed, secondError.Kind);
        Assert.True(firstError.IsTransient);
        var disconnected = await harness.Events.ExpectAsync<GatewayDisconnectedEventArgs>();
        Assert.Equal(ConnectionFailureKind.ServerClosed, disconnected.Reason.Kind);
        Assert.Equal("test-host", disconnected.Endpoint.Host);
    }

    [Fact]
    public async Task ConnectionReset_fails_sent_requests_as_connection_lost()
    {
        await using var harness = new ClientHarness();
        var server = await harness.ConnectAsync();

        var asking = harness.Client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq());
        await server.ExpectAsync<ProtoOAVersionReq>();
        await server.FailAsync();

        var error = await Assert.ThrowsAsync<GatewayConnectionException>(() => asking.OrTimeout());
        Assert.Equal(ConnectionFailureKind.ConnectionLost, error.Kind);
        Assert.IsType<GatewayConnectionException>(error.InnerException);
    }

    [Fact]
    public async Task Reconnect_never_sends_a_written_request_again()
    {
        await using var harness = new ClientHarness();
        var server = await harness.ConnectAsync();

        var ordering = harness.Client.AskAsync<ProtoOAExecutionEvent>(Replies.MarketOrder(1));
        await server.ExpectAsync<ProtoOANewOrderReq>();
        await server.CloseAsync();
        await Assert.ThrowsAsync<GatewayConnectionException>(() => ordering.OrTimeout());
        var reconnected = await harness.Transport.AcceptAsync();
        await harness.Events.ExpectAsync<GatewayDisconnectedEventArgs>();
        await harness.Events.ExpectAsync<GatewayConnectedEventArgs>();

        await harness.RoundTripAsync(reconnected); // the first frame on the new connection is the new request
    }

    [Fact]
    public async Task Disconnect_keeps_queued_requests_for_the_next_connection_by_default()
    {
        await using var harness = new ClientHarness(retry: _ => TimeSpan.FromSeconds(1));
        var server = await harness.ConnectAsync();
        await server.CloseAsync();
        await harness.Events.ExpectAsync<GatewayDisconnectedEventArgs>();
        await harness.RetryPolicy.Calls.ExpectAsync();

        var asking = harness.Client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq(), TimeSpan.FromSeconds(30));
        await harness.SettleAsync(); // the request is queued behind the retry delay
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var reconnected = await harness.Transport.AcceptAsync();
        var (_, id) = await reconnected.ExpectAsync<ProtoOAVersionReq>();
        await reconnected.SendAsync(new ProtoOAVersionRes { Version = "after" }, id);

        Assert.Equal("after", (await asking.OrTimeout()).Version);
    }

    [Fact]
    public async Task Disconnect_with_fail_policy_fails_queued_requests_at_once_as_never_written()
    {
        await using var harness = new ClientHarness(o =>
        {
            o.QueuedRequests = QueuedRequestPolicy.Fail;
            o.Throttle.StandardPerSecond = 1;
        });
        var server = await harness.ConnectAsync();

        var sent = harness.Client.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = 1 });
        var queued = harness.Client.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = 2 });
        await server.ExpectAsync<ProtoOATraderReq>();
        await harness.SettleAsync(); // the second one is held by the throttle
        await server.CloseAsync();

        var sentError = await Assert.ThrowsAsync<GatewayConnectionException>(() => sent.OrTimeout());
        var queuedError = await Assert.ThrowsAsync<GatewayConnectionException>(() => queued.OrTimeout());
        Assert.Equal(ConnectionFailureKind.ServerClosed, sentError.Kind);
        Assert.Equal(ConnectionFailureKind.NotConnected, queuedError.Kind);
    }

    [Fact]
    public async Task Oversized_frame_breaks_the_connection_as_a_protocol_violation()
    {
        await using var harness = new ClientHarness(o => o.MaxFrameSize = 1024);
        var server = await harness.ConnectAsync();

        var asking = harness.Client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq());
        await server.ExpectAsync<ProtoOAVersionReq>();
        await server.SendBytesAsync(new byte[] { 0, 0, 0x10, 0 }); // announces 4096 bytes

        var error = await Assert.ThrowsAsync<GatewayConnectionException>(() => asking.OrTimeout());
        Assert.Equal(ConnectionFailureKind.ProtocolViolation, error.Kind);
        await server.ClientEnd.Disposed.OrTimeout();
    }

    [Fact]
    public async Task DisposeAsync_fails_pending_requests_and_refuses_new_ones()
    {
        var harness = new ClientHarness();
        var server = await harness.ConnectAsync();
        var asking = harness.Client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq());
        await server.ExpectAsync<ProtoOAVersionReq>();

        var queued = Enumerable.Range(0, 100).Select(_ => harness.Client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq())).ToList();
        await harness.DisposeAsync();

        Assert.True(asking.IsCompleted); // ended by the time the disposal returned, not some time after
        Assert.All(queued, q => Assert.True(q.IsFaulted));
        var error = await Assert.ThrowsAsync<GatewayConnectionException>(() => asking.OrTimeout());
        Assert.Equal(ConnectionFailureKind.Disposed, error.Kind);
        Assert.False(error.IsTransient);
        Assert.Equal(ConnectionState.Disposed, harness.Client.State);
        Assert.Throws<ObjectDisposedException>(() => { _ = harness.Client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq()); });
        await server.ClientEnd.Disposed.OrTimeout();
        var disconnected = await harness.Events.ExpectAsync<GatewayDisconnectedEventArgs>();
        Assert.Equal(ConnectionFailureKind.Disposed, disconnected.Reason.Kind);
    }
}
