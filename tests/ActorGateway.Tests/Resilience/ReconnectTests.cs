using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;
using ActorGateway.Tests.Support;

namespace ActorGateway.Tests.Resilience;

public sealed class ReconnectTests
{
    [Fact]
    public async Task ConnectAsync_failed_attempts_raise_connect_failed_and_try_the_hosts_in_turn()
    {
        await using var harness = new ClientHarness(o => o.Hosts = ["alpha:1", "beta:2"]);
        harness.Logs.Expect(1003);
        harness.Transport.FailNextConnect();
        harness.Transport.FailNextConnect();

        await harness.Client.ConnectAsync().OrTimeout();

        var first = await harness.Events.ExpectAsync<GatewayConnectFailedEventArgs>();
        var second = await harness.Events.ExpectAsync<GatewayConnectFailedEventArgs>();
        await harness.Events.ExpectAsync<GatewayConnectedEventArgs>();
        Assert.Equal(("alpha", 0), (first.Endpoint.Host, first.PreviousFailures));
        Assert.Equal(("beta", 1), (second.Endpoint.Host, second.PreviousFailures));
        Assert.Equal(ConnectionFailureKind.ConnectFailed, first.Reason.Kind);
        Assert.Equal(["alpha", "beta", "alpha"], await AttemptedHostsAsync(harness, 3));
        Assert.Equal([0, 1], harness.RetryPolicy.Contexts.Select(c => c.PreviousRetryCount));
    }

    [Fact]
    public async Task Reconnect_waits_the_policy_delay_and_reports_elapsed_time_since_trouble_began()
    {
        await using var harness = new ClientHarness(retry: c => TimeSpan.FromSeconds(c.PreviousRetryCount + 1));
        harness.Logs.Expect(1003);
        var server = await harness.ConnectAsync();
        harness.Transport.FailNextConnect();
        await server.CloseAsync();

        Assert.Equal(TimeSpan.Zero, (await harness.RetryPolicy.Calls.ExpectAsync()).ElapsedTime);
        await harness.SettleAsync();
        harness.Time.Advance(TimeSpan.FromSeconds(1)); // first retry: fails
        var second = await harness.RetryPolicy.Calls.ExpectAsync();
        Assert.Equal((1, TimeSpan.FromSeconds(1)), (second.PreviousRetryCount, second.ElapsedTime));
        await harness.SettleAsync();
        harness.Time.Advance(TimeSpan.FromSeconds(1.9));
        await harness.SettleAsync();
        Assert.Equal(ConnectionState.WaitingToReconnect, harness.Client.State); // the second delay has not run out yet
        harness.Time.Advance(TimeSpan.FromSeconds(0.1));

        await harness.RoundTripAsync(await harness.Transport.AcceptAsync());
    }

    [Fact]
    public async Task Reconnect_after_a_healthy_connection_starts_the_backoff_over()
    {
        await using var harness = new ClientHarness(o => o.ServerSilenceTimeout = TimeSpan.FromMinutes(10));
        harness.Logs.Expect(1003);
        harness.Transport.FailNextConnect();
        var server = await harness.ConnectAsync();
        Assert.Equal(0, (await harness.RetryPolicy.Calls.ExpectAsync()).PreviousRetryCount);

        await server.CloseAsync(); // up for no time at all: still in trouble
        Assert.Equal(1, (await harness.RetryPolicy.Calls.ExpectAsync()).PreviousRetryCount);
        server = await harness.Transport.AcceptAsync();
        await harness.RoundTripAsync(server);
        harness.Time.Advance(TimeSpan.FromSeconds(30)); // healthy from now on
        await server.CloseAsync();

        var reset = await harness.RetryPolicy.Calls.ExpectAsync();
        Assert.Equal((0, TimeSpan.Zero), (reset.PreviousRetryCount, reset.ElapsedTime));
    }

    [Fact]
    public async Task Policy_giving_up_fails_queued_requests_and_the_connect_call_and_goes_idle()
    {
        await using var harness = new ClientHarness(retry: c => c.PreviousRetryCount < 1 ? TimeSpan.FromSeconds(1) : null);
        harness.Logs.Expect(1003).Expect(1006);
        harness.Transport.FailNextConnect();
        harness.Transport.FailNextConnect();

        var connecting = harness.Client.ConnectAsync();
        var asking = harness.Client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq());
        await harness.RetryPolicy.Calls.ExpectAsync();
        await harness.SettleAsync(); // both calls wait in the actor, the retry delay is armed
        harness.Time.Advance(TimeSpan.FromSeconds(1)); // the second attempt fails too, and the policy gives up

        var connectError = await Assert.ThrowsAsync<GatewayConnectionException>(() => connecting.OrTimeout());
        var askError = await Assert.ThrowsAsync<GatewayConnectionException>(() => asking.OrTimeout());
        Assert.Equal(ConnectionFailureKind.ConnectFailed, connectError.Kind);
        Assert.Equal(ConnectionFailureKind.ConnectFailed, askError.Kind);
        Assert.Equal(ConnectionState.Idle, harness.Client.State);
        var server = await ConnectAgainAsync(harness);
        await harness.RoundTripAsync(server);
    }

    [Fact]
    public async Task Connect_attempt_longer_than_the_connect_timeout_fails()
    {
        await using var harness = new ClientHarness(o => o.ConnectTimeout = TimeSpan.FromSeconds(5), retry: _ => null);
        harness.Logs.Expect(1003).Expect(1006);
        harness.Transport.HangConnects = true;

        var connecting = harness.Client.ConnectAsync();
        await harness.Transport.Attempts.ExpectAsync();
        await harness.SettleAsync(); // the connect timeout is armed
        harness.Time.Advance(TimeSpan.FromSeconds(5));

        var failed = await harness.Events.ExpectAsync<GatewayConnectFailedEventArgs>();
        Assert.Contains("longer than 5 s", failed.Reason.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<GatewayConnectionException>(() => connecting.OrTimeout());
    }

    [Fact]
    public async Task Reconnect_disabled_leaves_the_client_idle_until_the_next_request()
    {
        await using var harness = new ClientHarness(o => o.Reconnect.Enabled = false);
        var server = await harness.ConnectAsync();
        await server.CloseAsync();
        await harness.Events.ExpectAsync<GatewayDisconnectedEventArgs>();

        Assert.Equal(ConnectionState.Idle, harness.Client.State);
        Assert.Empty(harness.RetryPolicy.Contexts);
        var asking = harness.Client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq());
        var next = await harness.Transport.AcceptAsync();
        var (_, id) = await next.ExpectAsync<ProtoOAVersionReq>();
        await next.SendAsync(new ProtoOAVersionRes { Version = "again" }, id);
        Assert.Equal("again", (await asking.OrTimeout()).Version);
    }

    [Fact]
    public async Task A_short_connection_that_served_requests_starts_the_backoff_over()
    {
        await using var harness = new ClientHarness(o => o.ServerSilenceTimeout = TimeSpan.FromMinutes(10));
        harness.Logs.Expect(1003);
        harness.Transport.FailNextConnect();
        var server = await harness.ConnectAsync();
        Assert.Equal(0, (await harness.RetryPolicy.Calls.ExpectAsync()).PreviousRetryCount);

        await harness.RoundTripAsync(server); // handshake done, a request served: a good session, however short
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        await server.CloseAsync();

        var reset = await harness.RetryPolicy.Calls.ExpectAsync();
        Assert.Equal((0, TimeSpan.Zero), (reset.PreviousRetryCount, reset.ElapsedTime));
    }

    [Theory]
    [InlineData(ConnectionFailureKind.ConnectFailed, "Connection refused")]
    [InlineData(ConnectionFailureKind.TlsFailure, "the server's certificate is for 'other.example', not 'test-host' (name mismatch)")]
    public async Task A_request_waiting_for_a_connection_that_keeps_failing_ends_with_why_not_with_a_timeout(
        ConnectionFailureKind kind, string why)
    {
        await using var harness = new ClientHarness(o => o.RequestTimeout = TimeSpan.FromSeconds(3), retry: _ => TimeSpan.FromSeconds(1));
        harness.Logs.Expect(1003);
        for (var i = 0; i < 4; i++)
        {
            harness.Transport.FailNextConnect(new GatewayConnectionException(kind, why));
        }

        var asking = harness.Client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq());
        var connecting = harness.Client.ConnectAsync();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await harness.RetryPolicy.Calls.ExpectAsync();
            await harness.SettleAsync();
            harness.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var error = await Assert.ThrowsAsync<GatewayConnectionException>(() => asking.OrTimeout());
        Assert.Equal(kind, error.Kind);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.False(error.WasWritten);
        Assert.Equal(kind, Assert.IsType<GatewayConnectionException>(error.InnerException).Kind);
        var connectError = await Assert.ThrowsAsync<GatewayConnectionException>(() => connecting.OrTimeout());
        Assert.Equal(kind, connectError.Kind);
    }

    private static async Task<InMemoryServer> ConnectAgainAsync(ClientHarness harness)
    {
        var connecting = harness.Client.ConnectAsync();
        var server = await harness.Transport.AcceptAsync();
        await connecting.OrTimeout();
        return server;
    }

    private static async Task<List<string>> AttemptedHostsAsync(ClientHarness harness, int count)
    {
        var hosts = new List<string>();
        for (var i = 0; i < count; i++)
        {
            hosts.Add((await harness.Transport.Attempts.ExpectAsync()).Host);
        }

        return hosts;
    }
}
