using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;
using ActorGateway.Tests.Support;

namespace ActorGateway.Tests.Correlation;

public sealed class CancellationTests
{
    [Fact]
    public async Task AskAsync_cancelled_while_queued_is_never_sent_and_the_caller_gets_cancellation()
    {
        await using var harness = new ClientHarness(o => o.Throttle.StandardPerSecond = 1);
        var server = await harness.ConnectAsync();
        using var cancel = new CancellationTokenSource();

        _ = harness.Client.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = 1 });
        var cancelled = harness.Client.AskAsync<ProtoOATraderRes>(
            new ProtoOATraderReq { CtidTraderAccountId = 2 }, cancellationToken: cancel.Token);
        _ = harness.Client.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = 3 });
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.OrTimeout());
        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.Equal(1, (await server.ExpectAsync<ProtoOATraderReq>()).Message.CtidTraderAccountId);
        await harness.SettleAsync(); // the throttle has armed its wake-up
        harness.Time.Advance(ActorGateway.Throttling.RateLimiterThrottle.Window);
        Assert.Equal(3, (await server.ExpectAsync<ProtoOATraderReq>()).Message.CtidTraderAccountId);
    }

    [Fact]
    public async Task AskAsync_cancelled_after_sending_gets_cancellation_and_the_late_reply_is_only_an_event()
    {
        await using var harness = new ClientHarness();
        var received = harness.ListenToMessages();
        var server = await harness.ConnectAsync();
        using var cancel = new CancellationTokenSource();

        var asking = harness.Client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq(), cancellationToken: cancel.Token);
        var (_, id) = await server.ExpectAsync<ProtoOAVersionReq>();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => asking.OrTimeout());
        await server.SendAsync(new ProtoOAVersionRes { Version = "late" }, id);

        var late = await received.ExpectAsync();
        Assert.Equal(id, late.Message.ClientMsgId);
        var dropped = await harness.Logs.WaitForAsync(e => e.EventId.Id == 1007);
        Assert.Contains(id!, dropped.Message, StringComparison.Ordinal);
        Assert.True(asking.IsCanceled);
    }

    [Fact]
    public async Task AskAsync_cancelled_after_the_reply_keeps_the_reply()
    {
        await using var harness = new ClientHarness();
        var server = await harness.ConnectAsync();
        using var cancel = new CancellationTokenSource();

        var asking = harness.Client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq(), cancellationToken: cancel.Token);
        var (_, id) = await server.ExpectAsync<ProtoOAVersionReq>();
        await server.SendAsync(new ProtoOAVersionRes { Version = "kept" }, id);
        var reply = await asking.OrTimeout();
        await cancel.CancelAsync();

        Assert.Equal("kept", reply.Version);
        Assert.True(asking.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task AskAsync_with_a_token_already_cancelled_returns_cancelled_and_connects_nothing()
    {
        await using var harness = new ClientHarness();

        var asking = harness.Client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq(), cancellationToken: new CancellationToken(true));

        Assert.True(asking.IsCanceled);
        Assert.Equal(ConnectionState.Idle, harness.Client.State);
        Assert.False(harness.Transport.Attempts.TryTake(out _));
    }
}
