using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;
using ActorGateway.Tests.Support;

namespace ActorGateway.Tests.Correlation;

public sealed class TimeoutTests
{
    [Fact]
    public async Task AskAsync_without_reply_times_out_at_its_own_timeout_and_not_before()
    {
        await using var harness = new ClientHarness();
        var server = await harness.ConnectAsync();

        var asking = harness.Client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq(), TimeSpan.FromSeconds(5));
        await server.ExpectAsync<ProtoOAVersionReq>();
        harness.Time.Advance(TimeSpan.FromSeconds(4.8));
        await harness.RoundTripAsync(server); // every tick up to now has been handled
        Assert.False(asking.IsCompleted);
        harness.Time.Advance(TimeSpan.FromSeconds(0.2));

        var error = await Assert.ThrowsAsync<GatewayTimeoutException>(() => asking.OrTimeout());
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Equal(TimeSpan.FromSeconds(5), error.Timeout);
        Assert.True(error.WasWritten);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task AskAsync_without_timeout_uses_the_configured_request_timeout()
    {
        await using var harness = new ClientHarness(o => o.RequestTimeout = TimeSpan.FromSeconds(2));
        var server = await harness.ConnectAsync();

        var asking = harness.Client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq());
        await server.ExpectAsync<ProtoOAVersionReq>();
        harness.Time.Advance(TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<GatewayTimeoutException>(() => asking.OrTimeout());
        Assert.Equal(TimeSpan.FromSeconds(2), error.Timeout);
    }

    [Fact]
    public async Task AskAsync_queued_while_connecting_times_out_unwritten()
    {
        await using var harness = new ClientHarness(o => o.ConnectTimeout = TimeSpan.FromMinutes(1));
        harness.Transport.HangConnects = true;

        var asking = harness.Client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq(), TimeSpan.FromSeconds(3));
        await harness.Transport.Attempts.ExpectAsync();
        harness.Time.Advance(TimeSpan.FromSeconds(3));

        var error = await Assert.ThrowsAsync<GatewayTimeoutException>(() => asking.OrTimeout());
        Assert.False(error.WasWritten);
        Assert.Equal(ConnectionState.Connecting, harness.Client.State);
    }

    [Fact]
    public async Task AskAsync_reply_after_timeout_is_an_event_and_the_request_is_not_sent_again()
    {
        await using var harness = new ClientHarness();
        var received = harness.ListenToMessages();
        var server = await harness.ConnectAsync();

        var asking = harness.Client.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = 4 }, TimeSpan.FromSeconds(1));
        var (_, id) = await server.ExpectAsync<ProtoOATraderReq>();
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<GatewayTimeoutException>(() => asking.OrTimeout());
        await server.SendAsync(new ProtoOAVersionRes { Version = "late" }, id);

        Assert.Equal(id, (await received.ExpectAsync()).Message.ClientMsgId);
        await harness.RoundTripAsync(server); // the next frame is the new request, not a retry of the old one
    }
}
