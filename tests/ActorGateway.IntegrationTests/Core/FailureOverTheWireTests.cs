using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;

namespace ActorGateway.IntegrationTests.Core;

/// <summary>Every way a request can end other than with its reply, against the simulator's faults.</summary>
public sealed class FailureOverTheWireTests
{
    private const uint VersionReq = (uint)ProtoOAPayloadType.ProtoOaVersionReq;

    [Fact]
    public async Task A_request_the_server_never_answers_times_out_with_a_typed_error()
    {
        await using var exchange = await SimulatedExchange.StartAsync(tls: true);
        var client = await exchange.CreateAuthorizedClientAsync();
        exchange.Server.Faults.NeverAnswer(VersionReq);

        var error = await Assert.ThrowsAsync<GatewayTimeoutException>(
            () => client.GetVersionAsync(TimeSpan.FromMilliseconds(300)).OrTimeout());

        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.True(error.WasWritten);
    }

    [Fact]
    public async Task A_dropped_connection_fails_pending_requests_at_once_not_at_their_timeout()
    {
        await using var exchange = await SimulatedExchange.StartAsync(tls: true);
        var client = await exchange.CreateAuthorizedClientAsync(configure: o => o.Throttle.Enabled = false);
        exchange.Server.Faults.NeverAnswer(VersionReq);
        var disconnected = new TestProbe<GatewayDisconnectedEventArgs>();
        client.Disconnected += (_, e) => disconnected.Tell(e);
        var pending = client.GetVersionAsync(TimeSpan.FromMinutes(10));
        await client.WrittenEverythingQueuedAsync();

        exchange.Server.Faults.DropAllConnections();

        // Bounded far below the request's own ten-minute timeout.
        var error = await Assert.ThrowsAsync<GatewayConnectionException>(() => pending.OrTimeout());
        Assert.True(error.IsTransient);
        await disconnected.ExpectAsync();
    }

    [Fact]
    public async Task Cancelling_a_sent_request_ends_the_wait_and_its_late_reply_arrives_only_as_an_event()
    {
        await using var exchange = await SimulatedExchange.StartAsync(tls: false);
        var client = await exchange.CreateAuthorizedClientAsync(configure: o => o.Throttle.Enabled = false);
        var lateReplies = new TestProbe<GatewayMessageEventArgs>();
        client.MessageReceived += (_, e) =>
        {
            if (e.Message.Payload is ProtoOAVersionRes)
            {
                lateReplies.Tell(e);
            }
        };
        exchange.Server.Faults.DelayReplies(TimeSpan.FromMilliseconds(300));
        using var cancel = new CancellationTokenSource();
        var pending = client.GetVersionAsync(cancellationToken: cancel.Token);
        await client.WrittenEverythingQueuedAsync();

        await cancel.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.OrTimeout());
        Assert.Equal(cancel.Token, error.CancellationToken);
        var late = await lateReplies.ExpectAsync();
        Assert.NotEqual(Marker.Id, late.Message.ClientMsgId);
    }

    [Fact]
    public async Task Requests_queued_while_the_listener_is_down_go_out_on_the_next_connection()
    {
        await using var exchange = await SimulatedExchange.StartAsync(tls: true);
        var client = await exchange.CreateAuthorizedClientAsync();
        var connected = new TestProbe<GatewayConnectedEventArgs>();
        var disconnected = new TestProbe<GatewayDisconnectedEventArgs>();
        client.Connected += (_, e) => connected.Tell(e);
        client.Disconnected += (_, e) => disconnected.Tell(e);
        await exchange.Server.Faults.StopListenerAsync();
        exchange.Server.Faults.DropAllConnections();
        await disconnected.ExpectAsync();

        var queued = client.AuthorizeApplicationAsync(SimulatedExchange.ClientId, SimulatedExchange.ClientSecret);
        await exchange.Server.Faults.StartListenerAsync();

        await queued.OrTimeout();
        await connected.ExpectAsync();
        Assert.Equal("sim-91", (await client.GetVersionAsync().OrTimeout()).Version);
    }

    [Fact]
    public async Task The_throttle_keeps_a_burst_under_the_servers_limit_that_an_unthrottled_client_exceeds()
    {
        await using var exchange = await SimulatedExchange.StartAsync(tls: false);
        var throttled = await exchange.CreateAuthorizedClientAsync();
        var unthrottled = await exchange.CreateAuthorizedClientAsync(configure: o => o.Throttle.Enabled = false);

        var burst = Enumerable.Range(0, 80).Select(_ => throttled.GetVersionAsync(TimeSpan.FromSeconds(30))).ToList();
        var flood = Enumerable.Range(0, 80).Select(_ => unthrottled.GetVersionAsync(TimeSpan.FromSeconds(30))).ToList();

        await Task.WhenAll(burst).OrTimeout();
        var rejected = await Assert.ThrowsAsync<GatewayRejectedException>(() => Task.WhenAll(flood).OrTimeout());
        Assert.Equal("REQUEST_FREQUENCY_EXCEEDED", rejected.ErrorCode);
    }
}
