using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using ActorGateway.TestKit;
using ActorGateway.Tests.Support;
using Google.Protobuf;

namespace ActorGateway.Tests.Session;

public sealed class RestoreOrderTests
{
    [Fact]
    public async Task Reconnect_restores_auth_accounts_subscriptions_and_reconcile_before_any_queued_request()
    {
        await using var harness = new SessionHarness();
        var session = harness.Session;
        var notices = new TestProbe<GatewayNotice>();
        await using var subscription = session.Subscribe<IMessage>(callback: item =>
        {
            if (item.Notice is { } notice)
            {
                notices.Tell(notice);
            }
        });
        var subscribing = session.SubscribeSpotsAsync(SessionHarness.Account, [5, 6]);
        var server = await harness.Transport.AcceptAsync();
        await SessionHarness.AnswerApplicationAuthAsync(server);
        await SessionHarness.AnswerFirstAccountAuthAsync(server);
        await SessionHarness.AnswerAsync<ProtoOASubscribeSpotsReq>(server, new ProtoOASubscribeSpotsRes { CtidTraderAccountId = 1 });
        await subscribing.OrTimeout();
        await server.FailAsync();
        await notices.ExpectAsync<ConnectionEstablished>();
        await notices.ExpectAsync<ConnectionLost>();

        var queued = session.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq());
        var again = await harness.Transport.AcceptAsync();

        var auth = await SessionHarness.AnswerApplicationAuthAsync(again);
        Assert.Equal("harness-client", auth.ClientId);
        var account = await SessionHarness.AnswerAsync<ProtoOAAccountAuthReq>(again, new ProtoOAAccountAuthRes { CtidTraderAccountId = 1 });
        Assert.Equal(SessionHarness.AccessToken, account.AccessToken);
        var spots = await SessionHarness.AnswerAsync<ProtoOASubscribeSpotsReq>(again, new ProtoOASubscribeSpotsRes { CtidTraderAccountId = 1 });
        Assert.Equal([5L, 6L], spots.SymbolId);
        await SessionHarness.AnswerAsync<ProtoOAReconcileReq>(again, new ProtoOAReconcileRes { CtidTraderAccountId = 1 });
        Assert.False(queued.IsCompleted);
        await SessionHarness.AnswerAsync<ProtoOAVersionReq>(again, new ProtoOAVersionRes { Version = "91" });

        Assert.Equal("91", (await queued.OrTimeout()).Version);
        await notices.ExpectAsync<EventsLost>();
        await notices.ExpectAsync<ConnectionEstablished>();
        Assert.Equal(SessionHarness.Account, (await notices.ExpectAsync<AccountReconciled>()).AccountId);
        Assert.Equal(1, (await notices.ExpectAsync<SessionRestored>()).Reconnects);
    }

    [Fact]
    public async Task Subscription_asked_while_disconnected_goes_out_after_the_restore()
    {
        // A connect timeout well under the request timeout, so ending the hanging attempt does not time the caller out.
        await using var harness = new SessionHarness(o => o.Gateway.ConnectTimeout = TimeSpan.FromSeconds(1));
        harness.Logs.Expect(1003);
        var session = harness.Session;
        var authorizing = session.AuthorizeAccountAsync(SessionHarness.Account);
        var server = await harness.Transport.AcceptAsync();
        await SessionHarness.AnswerApplicationAuthAsync(server);
        await SessionHarness.AnswerFirstAccountAuthAsync(server);
        await authorizing.OrTimeout();
        harness.Transport.HangConnects = true;
        await server.FailAsync();

        await harness.Transport.Attempts.ExpectAsync(); // the first connection
        await harness.Transport.Attempts.ExpectAsync(); // the hanging one: its connect timeout is armed
        var subscribing = session.SubscribeDepthAsync(SessionHarness.Account, [9]);
        harness.Transport.HangConnects = false;
        harness.Time.Advance(TimeSpan.FromSeconds(1)); // the hanging attempt times out; the next one connects
        var again = await harness.Transport.AcceptAsync();
        await SessionHarness.AnswerApplicationAuthAsync(again);
        await SessionHarness.AnswerAsync<ProtoOAAccountAuthReq>(again, new ProtoOAAccountAuthRes { CtidTraderAccountId = 1 });
        await SessionHarness.AnswerAsync<ProtoOAReconcileReq>(again, new ProtoOAReconcileRes { CtidTraderAccountId = 1 });
        Assert.False(subscribing.IsCompleted);
        var depth = await SessionHarness.AnswerAsync<ProtoOASubscribeDepthQuotesReq>(again,
            new ProtoOASubscribeDepthQuotesRes { CtidTraderAccountId = 1 });

        Assert.Equal([9L], depth.SymbolId);
        await subscribing.OrTimeout();
    }
}
