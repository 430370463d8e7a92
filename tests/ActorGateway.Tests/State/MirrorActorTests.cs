using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using ActorGateway.State;
using Akka.Actor;

namespace ActorGateway.Tests.State;

public sealed class MirrorActorTests : StateActorTestBase
{
    private const long Account = 1001;

    [Fact]
    public void Start_asks_the_state_after_subscribing_and_is_in_sync_once_both_came_through_the_stream()
    {
        var mirror = Start();
        Assert.Equal(Account, Session.ExpectMsg<ProtoOAReconcileReq>().CtidTraderAccountId);
        Session.ExpectMsg<ProtoOATraderReq>();
        Session.ExpectMsg<ProtoOASymbolsListReq>();

        // The direct reply only ends the request: what counts is the copy at its place in the stream.
        mirror.Tell(Reconcile(Position(7, 100_000)), Session.Ref);
        Assert.False(Snapshot(mirror).InSync);
        Assert.Empty(Snapshot(mirror).Positions);

        Stream(mirror, Reconcile(Position(7, 100_000)), Trader(1_000_000));
        Assert.Equal(["BalanceChanged", "MirrorInSync"], NextChanges().Select(c => c.GetType().Name));
        var snapshot = Snapshot(mirror);
        Assert.True(snapshot.InSync);
        Assert.Equal(10_000m, snapshot.Balance);
        Assert.Equal(7, Assert.Single(snapshot.Positions).Id);
    }

    [Fact]
    public void Reconnect_gap_is_closed_by_the_session_reconcile_and_a_trader_asked_once_restored()
    {
        var mirror = InSync(Position(7, 100_000), Position(8, 100_000));

        Stream(mirror, new EventsLost(null, GapReason.Reconnect));
        Assert.IsType<MirrorOutOfSync>(Assert.Single(NextChanges()));
        Stream(mirror, Reconcile(Position(8, 100_000)), new AccountReconciled(Account, Reconcile(Position(8, 100_000))));
        var closed = Assert.IsType<PositionClosed>(Assert.Single(NextChanges()));
        Assert.Equal((7L, ChangeSource.Reconcile), (closed.Position.Id, closed.Source));
        Session.ExpectMsg<ProtoOATraderReq>();
        Assert.False(Snapshot(mirror).InSync);

        Stream(mirror, Trader(1_002_000));
        var changes = NextChanges();
        Assert.Equal(new BalanceChanged(Account, 10_020m, 10_000m, ChangeSource.Reconcile), changes[0]);
        Assert.IsType<MirrorInSync>(changes[1]);
    }

    [Fact]
    public void Events_applied_after_a_reconcile_in_the_stream_are_not_undone_by_the_notice_of_that_reconcile()
    {
        var mirror = InSync();
        Stream(mirror, new EventsLost(null, GapReason.Reconnect));
        NextChanges();
        var reconcile = Reconcile();
        var opened = new ProtoOAExecutionEvent { CtidTraderAccountId = Account, ExecutionType = ProtoOAExecutionType.OrderFilled, Position = Position(9, 100_000) };

        Stream(mirror, reconcile, opened, new AccountReconciled(Account, reconcile));

        Assert.Equal(9, Assert.Single(Snapshot(mirror).Positions).Id);
    }

    [Fact]
    public void EventsLost_by_overflow_asks_the_reconcile_and_trader_again_at_once()
    {
        var mirror = InSync();

        Stream(mirror, new EventsLost(3, GapReason.Overflow));

        Assert.Contains("3 events lost", Assert.IsType<MirrorOutOfSync>(Assert.Single(NextChanges())).Reason, StringComparison.Ordinal);
        Session.ExpectMsg<ProtoOAReconcileReq>();
        Session.ExpectMsg<ProtoOATraderReq>();
    }

    [Fact]
    public void CatchUp_answers_once_the_marker_has_come_through_the_stream()
    {
        var mirror = InSync();

        var asker = AskCatchUp(mirror);
        var marker = new ProtoOAVersionRes { Version = "1" };
        Session.Reply(marker);
        asker.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Stream(mirror, new ProtoOAVersionRes { Version = "1" }); // someone else's, equal but not the same message
        asker.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Stream(mirror, marker);

        asker.ExpectMsg<CaughtUp>();
    }

    [Fact]
    public void A_refused_request_is_asked_again_after_the_retry_interval()
    {
        Probes();
        var mirror = Sys.ActorOf(MirrorActor.Props(Account, Session.Ref, Publisher.Ref, Settings with { RetryInterval = TimeSpan.FromSeconds(1) }));
        AcceptSubscription(mirror);
        Session.ExpectMsg<ProtoOAReconcileReq>();
        Session.Reply(new Status.Failure(new InvalidOperationException("not now")));
        Session.ReceiveN(2);
        Session.ExpectNoMsg(TimeSpan.FromMilliseconds(300));

        Session.ExpectMsg<ProtoOAReconcileReq>();
        Session.ExpectMsg<ProtoOATraderReq>();
        Session.ExpectMsg<ProtoOASymbolsListReq>();
    }

    [Fact]
    public void CatchUp_whose_marker_fails_is_answered_with_the_failure()
    {
        var mirror = InSync();

        var asker = AskCatchUp(mirror);
        Session.Reply(new Status.Failure(new InvalidOperationException("no connection")));

        Assert.Equal("no connection", asker.ExpectMsg<Status.Failure>().Cause.Message);
    }

    [Fact]
    public void Subscriber_that_does_not_answer_gets_one_batch_then_the_rest_with_the_gap_counted()
    {
        var settings = Settings with { ChangeCapacity = 2 };
        Probes();
        var mirror = Sys.ActorOf(MirrorActor.Props(Account, Session.Ref, Publisher.Ref, settings));
        AcceptSubscription(mirror);
        for (var i = 1; i <= 5; i++)
        {
            Stream(mirror, Trader(i * 100));
        }

        Assert.Single(Subscriber.ExpectMsg<StateChanges>().Items);
        Subscriber.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        mirror.Tell(StateChangesAck.Instance, Subscriber.Ref);
        var rest = Subscriber.ExpectMsg<StateChanges>().Items;
        Assert.Equal(new ChangesLost(2), rest[0]);
        Assert.Equal([4m, 5m], rest.Skip(1).OfType<BalanceChanged>().Select(b => b.Balance));
    }

    private IActorRef Start()
    {
        Probes();
        var mirror = Sys.ActorOf(MirrorActor.Props(Account, Session.Ref, Publisher.Ref, Settings));
        var options = AcceptSubscription(mirror);
        Assert.Equal(Account, options.AccountId);
        Assert.Contains((uint)ProtoOAPayloadType.ProtoOaReconcileRes, options.PayloadTypes!);
        return mirror;
    }

    private IActorRef InSync(params ProtoOAPosition[] positions)
    {
        var mirror = Start();
        Session.ReceiveN(3);
        Stream(mirror, Reconcile(positions), Trader(1_000_000));
        NextChanges();
        return mirror;
    }

    private AccountSnapshot Snapshot(IActorRef mirror)
    {
        var asker = CreateTestProbe();
        mirror.Tell(GetAccountSnapshot.Now, asker.Ref);
        return asker.ExpectMsg<AccountSnapshot>();
    }

    private static ProtoOAReconcileRes Reconcile(params ProtoOAPosition[] positions) => new() { CtidTraderAccountId = Account, Position = { positions } };

    private static ProtoOATraderRes Trader(long balance) => new()
    {
        CtidTraderAccountId = Account,
        Trader = new ProtoOATrader { CtidTraderAccountId = Account, Balance = balance, MoneyDigits = 2, DepositAssetId = 2 },
    };
}
