using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using ActorGateway.Session;
using ActorGateway.TestKit;
using ActorGateway.Tests.Support;
using ActorGateway.Trading;
using Akka.Actor;

namespace ActorGateway.Tests.Session;

/// <summary>The session as actors use it: by messages to <see cref="GatewaySession.Actor"/>, on virtual time.</summary>
public sealed class SessionActorTests : GatewayTestKit
{
    private readonly List<GatewaySession> _sessions = [];

    [Fact]
    public async Task Request_told_to_the_session_actor_starts_the_session_and_the_reply_comes_back_to_the_sender()
    {
        var session = CreateSession();

        session.Actor.Tell(new ProtoOATraderReq { CtidTraderAccountId = SessionHarness.Account }, TestActor);
        var server = await Transport.AcceptAsync();
        await SessionHarness.AnswerApplicationAuthAsync(server);
        await SessionHarness.AnswerFirstAccountAuthAsync(server);
        await SessionHarness.AnswerAsync<ProtoOATraderReq>(server, Trader());

        Assert.Equal(SessionHarness.Account, ExpectMsg<ProtoOATraderRes>().Trader.CtidTraderAccountId);
    }

    [Fact]
    public async Task Requests_held_while_restoring_go_out_after_it_in_the_order_they_were_sent()
    {
        var session = CreateSession();
        var server = await StartWithAccountAsync(session);
        await server.FailAsync();
        var again = await Transport.AcceptAsync();

        // One actor's requests keep their order, a trading one among them; a Task caller's is another sender's.
        session.Actor.Tell(new ProtoOAVersionReq(), TestActor);
        session.Actor.Tell(Replies.MarketOrder(SessionHarness.Account), TestActor);
        session.Actor.Tell(new GatewayRequest(new ProtoOATraderReq { CtidTraderAccountId = SessionHarness.Account }), TestActor);
        var fromTask = session.AskAsync<ProtoOASymbolsListRes>(new ProtoOASymbolsListReq { CtidTraderAccountId = SessionHarness.Account });
        await SessionHarness.AnswerApplicationAuthAsync(again);
        await SessionHarness.AnswerAsync<ProtoOAAccountAuthReq>(again, new ProtoOAAccountAuthRes { CtidTraderAccountId = 1 });
        await SessionHarness.AnswerAsync<ProtoOAReconcileReq>(again, new ProtoOAReconcileRes { CtidTraderAccountId = 1 });

        var written = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var frame = await again.ReceiveAsync();
            written.Add(frame.Payload.Descriptor.Name);
            await again.SendAsync(Reply(frame.Payload), frame.ClientMsgId);
        }

        Assert.Equal(["ProtoOAVersionReq", "ProtoOANewOrderReq", "ProtoOATraderReq"], written.Where(n => n != "ProtoOASymbolsListReq"));
        // The order's reply comes through its tracker, one hop more, so the replies' order is not the requests'.
        var replies = ReceiveN(3).Select(r => r.GetType().Name).Order();
        Assert.Equal(["ProtoOAExecutionEvent", "ProtoOATraderRes", "ProtoOAVersionRes"], replies);
        Assert.Equal(SessionHarness.Account, (await fromTask.OrTimeout()).CtidTraderAccountId);
    }

    [Fact]
    public async Task Held_request_times_out_at_its_own_deadline_while_the_connection_stays_away()
    {
        var session = CreateSession(o => o.Gateway.ConnectTimeout = TimeSpan.FromSeconds(30));
        var server = await StartWithAccountAsync(session);
        Transport.HangConnects = true;
        await server.FailAsync();
        await Transport.Attempts.ExpectAsync(); // the first connection
        await Transport.Attempts.ExpectAsync(); // the one that hangs

        session.Actor.Tell(new GatewayRequest(new ProtoOAVersionReq(), TimeSpan.FromSeconds(2)), TestActor);
        await SettleSessionAsync(session);
        Time.Advance(TimeSpan.FromSeconds(3));

        var failure = ExpectMsg<Status.Failure>();
        var timeout = Assert.IsType<GatewayTimeoutException>(failure.Cause);
        Assert.False(timeout.WasWritten);
    }

    [Fact]
    public async Task Trading_request_told_to_the_session_gets_its_reply_and_the_order_outcome()
    {
        var session = CreateSession();
        var server = await StartWithAccountAsync(session);

        session.Actor.Tell(Replies.MarketOrder(SessionHarness.Account), TestActor);
        var (placed, id) = await server.ExpectAsync<ProtoOANewOrderReq>();
        await server.SendAsync(Orders.Event(ProtoOAExecutionType.OrderFilled,
            Orders.Order(55, ProtoOAOrderStatus.OrderStatusFilled, placed.ClientOrderId, executedVolume: 1000)), id);

        Assert.Equal(ProtoOAExecutionType.OrderFilled, ExpectMsg<ProtoOAExecutionEvent>().ExecutionType);
        var outcome = ExpectMsg<OrderOutcome>();
        Assert.Equal((OrderState.Filled, 55L), (outcome.State, outcome.OrderId));
    }

    [Fact]
    public async Task Request_for_an_account_the_token_does_not_grant_fails_typed_and_others_go_on()
    {
        var session = CreateSession();
        Logs.Expect(1026);
        var server = await StartWithAccountAsync(session);

        session.Actor.Tell(new ProtoOATraderReq { CtidTraderAccountId = 9 }, TestActor);
        await SessionHarness.AnswerAsync<ProtoOAGetAccountListByAccessTokenReq>(server, new ProtoOAGetAccountListByAccessTokenRes
        {
            AccessToken = "(not echoed)",
            CtidTraderAccount = { new ProtoOACtidTraderAccount { CtidTraderAccountId = 1, IsLive = false } },
        });

        var refused = Assert.IsType<GatewayAccountException>(ExpectMsg<Status.Failure>().Cause);
        Assert.Equal((9L, AccountFailureKind.NotGranted), (refused.AccountId, refused.Kind));
        session.Actor.Tell(new ProtoOATraderReq { CtidTraderAccountId = SessionHarness.Account }, TestActor);
        await SessionHarness.AnswerAsync<ProtoOATraderReq>(server, Trader());
        Assert.Equal(SessionHarness.Account, ExpectMsg<ProtoOATraderRes>().Trader.CtidTraderAccountId);
    }

    [Fact]
    public async Task SubscribeEvents_told_to_the_session_reaches_its_publisher()
    {
        var session = CreateSession();
        var server = await StartWithAccountAsync(session);
        var subscriber = CreateTestProbe();

        session.Actor.Tell(new SubscribeEvents(subscriber.Ref, SubscriptionOptions.MarketData(SessionHarness.Account)), TestActor);
        ExpectMsg<EventsSubscribed>();
        await server.SendAsync(new ProtoOASpotEvent { CtidTraderAccountId = SessionHarness.Account, SymbolId = 3, Bid = 1 });

        var batch = subscriber.ExpectMsg<EventBatch>();
        Assert.Equal(3, Assert.IsType<ProtoOASpotEvent>(Assert.Single(batch.Items).Message).SymbolId);
    }

    [Fact]
    public async Task CreateAsync_hands_out_a_session_whose_actors_have_started_and_that_serves_requests()
    {
        var session = await GatewaySession.CreateAsync(Sys, SessionHarness.Options(Time, Transport, Logs, "async")).OrTimeout();
        Track(session);

        Assert.NotEqual(ActorRefs.Nobody, session.Actor);
        Assert.NotEqual(ActorRefs.Nobody, session.Publisher);
        var server = await StartWithAccountAsync(session);
        var version = session.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq());
        var (_, id) = await server.ExpectAsync<ProtoOAVersionReq>();
        await server.SendAsync(new ProtoOAVersionRes { Version = "91" }, id);
        Assert.Equal("91", (await version.OrTimeout()).Version);
    }

    [Fact]
    public async Task CreateAsync_with_a_parent_makes_the_session_its_child_stopped_with_it()
    {
        var created = new TaskCompletionSource<GatewaySession>(TaskCreationOptions.RunContinuationsAsynchronously);
        var parent = Sys.ActorOf(Props.Create(() => new SessionParent(SessionHarness.Options(Time, Transport, Logs, "child"), created)), "owner");
        var session = await created.Task.OrTimeout();

        Assert.Equal(parent.Path / "gateway-child" / "session", session.Actor.Path);
        Assert.Equal(parent.Path / "gateway-child" / "publisher", session.Publisher.Path);
        var counted = await session.Publisher.Ask<SubscribersCounted>(CountSubscribers.Instance).OrTimeout();
        Assert.Equal(1, counted.Count); // the session actor itself

        Watch(session.Actor);
        Sys.Stop(parent);
        ExpectTerminated(session.Actor);
        // The session's actors are gone with their parent: disposing it afterwards still ends.
        await session.DisposeAsync().AsTask().OrTimeout();
    }

    private GatewaySession CreateSession(Action<SessionOptions>? configure = null)
    {
        var options = SessionHarness.Options(Time, Transport, Logs, $"s{_sessions.Count}");
        configure?.Invoke(options);
        var session = new GatewaySession(Sys, options);
        _sessions.Add(session);
        Track(session);
        return session;
    }

    private async Task<InMemoryServer> StartWithAccountAsync(GatewaySession session)
    {
        var authorizing = session.AuthorizeAccountAsync(SessionHarness.Account);
        var server = await Transport.AcceptAsync();
        await SessionHarness.AnswerApplicationAuthAsync(server);
        await SessionHarness.AnswerFirstAccountAuthAsync(server);
        await authorizing.OrTimeout();
        return server;
    }

    /// <summary>Completes once the session actor has handled everything told to it before.</summary>
    private static Task SettleSessionAsync(GatewaySession session) => session.Actor.Ask<ActorIdentity>(new Identify(null)).OrTimeout();

    private static Google.Protobuf.IMessage Reply(Google.Protobuf.IMessage request) => request switch
    {
        ProtoOAVersionReq => new ProtoOAVersionRes { Version = "91" },
        ProtoOANewOrderReq order => Orders.Event(ProtoOAExecutionType.OrderAccepted,
            Orders.Order(55, ProtoOAOrderStatus.OrderStatusAccepted, order.ClientOrderId)),
        ProtoOATraderReq => Trader(),
        _ => new ProtoOASymbolsListRes { CtidTraderAccountId = SessionHarness.Account },
    };

    private static ProtoOATraderRes Trader() => new()
    {
        CtidTraderAccountId = SessionHarness.Account,
        Trader = new ProtoOATrader { CtidTraderAccountId = SessionHarness.Account, Balance = 1, DepositAssetId = 1, MoneyDigits = 2 },
    };

    /// <summary>An actor that owns a session, created on its own turn as an account entity does.</summary>
    private sealed class SessionParent(SessionOptions options, TaskCompletionSource<GatewaySession> created) : UntypedActor
    {
        protected override void PreStart() =>
            GatewaySession.CreateAsync(Context, options).ContinueWith(
                t => _ = t.IsCompletedSuccessfully ? created.TrySetResult(t.Result) : created.TrySetException(t.Exception!),
                TaskScheduler.Default);

        protected override void OnReceive(object message) => Unhandled(message);
    }
}
