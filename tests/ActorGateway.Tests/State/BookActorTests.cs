using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using ActorGateway.Session;
using ActorGateway.State;
using Akka.Actor;
using static ActorGateway.Tests.State.OrderBookStateTests;

namespace ActorGateway.Tests.State;

public sealed class BookActorTests : StateActorTestBase
{
    [Fact]
    public void Start_drops_the_old_subscription_events_until_the_marker_passed_then_builds_from_the_first_event()
    {
        var book = Start(out var marker);
        Stream(book, Depth(added: [Bid(1, 108_000, 100)])); // the old subscription's, before the marker: dropped
        Assert.IsType<BookCleared>(Assert.Single(NextChanges()));
        Session.Reply(marker);
        Session.ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // its copy has not come through the stream yet

        Stream(book, marker);
        var subscribe = Session.ExpectMsg<ChangeSubscription>();
        Assert.Equal([1L], ((ProtoOASubscribeDepthQuotesReq)subscribe.Request).SymbolId);
        Stream(book, Depth(added: [Bid(2, 108_010, 5), Ask(3, 108_020, 7)]), SymbolTwo());

        var updated = Assert.IsType<BookUpdated>(Assert.Single(NextChanges()));
        Assert.True(updated.Rebuilt);
        Assert.Equal((108_010UL, 108_020UL), (updated.BestBid!.Value.RawPrice, updated.BestAsk!.Value.RawPrice));
        var snapshot = Snapshot(book, new GetBookSnapshot(WithQuotes: true));
        Assert.True(snapshot.IsLive);
        Assert.Equal([2UL, 3UL], snapshot.Quotes!.Select(q => q.Id));
    }

    [Fact]
    public void Reconnect_empties_the_book_and_the_first_event_after_it_rebuilds_it()
    {
        var book = Live();
        Stream(book, new EventsLost(null, GapReason.Reconnect));
        Assert.Equal("reconnect", Assert.IsType<BookCleared>(Assert.Single(NextChanges())).Reason);
        Assert.False(Snapshot(book, new GetBookSnapshot()).IsLive);

        Stream(book, Depth(added: [Ask(10, 108_030, 1)]));

        Assert.True(Assert.IsType<BookUpdated>(Assert.Single(NextChanges())).Rebuilt);
        var snapshot = Snapshot(book, new GetBookSnapshot());
        Assert.Empty(snapshot.Bids);
        Assert.Equal(108_030UL, snapshot.BestAsk!.Value.RawPrice);
    }

    [Fact]
    public void A_deleted_quote_never_added_is_published_as_rejected_and_the_book_goes_on()
    {
        var book = Live();

        Stream(book, Depth(added: [Ask(11, 108_040, 2)], deleted: [404]));

        var changes = NextChanges();
        Assert.Equal(new BookQuoteRejected(1001, 1, 404, BookProblem.DeletedUnknownQuote), changes[0]);
        Assert.False(Assert.IsType<BookUpdated>(changes[1]).Rebuilt);
        Assert.Equal(1, Snapshot(book, new GetBookSnapshot()).RejectedQuotes);
    }

    [Fact]
    public void GetBookSnapshot_when_live_waits_for_the_whole_book()
    {
        var book = Start(out var marker);
        var asker = CreateTestProbe();
        book.Tell(new GetBookSnapshot(Levels: 1, WhenLive: true), asker.Ref);
        Session.Reply(marker);
        Stream(book, marker);
        Session.ExpectMsg<ChangeSubscription>();
        asker.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        Stream(book, Depth(added: [Bid(2, 108_010, 5), Bid(4, 108_000, 5)]));

        var snapshot = asker.ExpectMsg<BookSnapshot>();
        Assert.Equal([108_010UL], snapshot.Bids.Select(l => l.RawPrice));
    }

    [Fact]
    public void A_failed_unsubscribe_still_sends_the_marker()
    {
        Probes();
        var book = Sys.ActorOf(BookActor.Props(1001, 1, Session.Ref, Publisher.Ref, Settings));
        AcceptSubscription(book);
        Session.ExpectMsg<ChangeSubscription>();

        Session.Reply(new Status.Failure(new InvalidOperationException("not subscribed")));

        Session.ExpectMsg<ProtoOAVersionReq>();
    }

    [Fact]
    public void A_failed_marker_starts_the_resync_again_after_the_retry_interval()
    {
        Probes();
        var book = Sys.ActorOf(BookActor.Props(1001, 1, Session.Ref, Publisher.Ref, Settings with { RetryInterval = TimeSpan.FromMilliseconds(200) }));
        AcceptSubscription(book);
        NextChanges(); // cleared: starting
        var unsubscribe = Session.ExpectMsg<ChangeSubscription>();
        Session.Reply(new SubscriptionChanged(unsubscribe.Request));
        Session.ExpectMsg<ProtoOAVersionReq>();

        Session.Reply(new Status.Failure(new InvalidOperationException("no connection")));

        Assert.Equal("retrying", Assert.IsType<BookCleared>(Assert.Single(NextChanges())).Reason);
        Assert.IsType<ProtoOAUnsubscribeDepthQuotesReq>(Session.ExpectMsg<ChangeSubscription>().Request);
    }

    [Fact]
    public void CatchUp_answers_when_the_reply_comes_after_the_marker_went_by_in_the_stream()
    {
        var book = Live();

        var asker = AskCatchUp(book);
        var marker = new ProtoOAVersionRes { Version = "1" };
        Stream(book, marker);
        asker.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Session.Reply(marker);

        asker.ExpectMsg<CaughtUp>();
    }

    [Fact]
    public void An_unsubscribed_subscriber_gets_no_more_changes()
    {
        var book = Live();

        book.Tell(new UnsubscribeStateChanges(Subscriber.Ref));
        Stream(book, Depth(added: [Bid(5, 108_005, 1)]));

        Subscriber.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    private IActorRef Start(out ProtoOAVersionRes marker)
    {
        Probes();
        var book = Sys.ActorOf(BookActor.Props(1001, 1, Session.Ref, Publisher.Ref, Settings));
        AcceptSubscription(book);
        var unsubscribe = Session.ExpectMsg<ChangeSubscription>();
        Assert.IsType<ProtoOAUnsubscribeDepthQuotesReq>(unsubscribe.Request);
        Session.Reply(new SubscriptionChanged(unsubscribe.Request));
        Session.ExpectMsg<ProtoOAVersionReq>();
        marker = new ProtoOAVersionRes { Version = "marker" };
        return book;
    }

    private IActorRef Live()
    {
        var book = Start(out var marker);
        Session.Reply(marker);
        Stream(book, marker);
        Session.ExpectMsg<ChangeSubscription>();
        Stream(book, Depth(added: [Bid(1, 108_000, 100)]));
        NextChanges();
        NextChanges();
        return book;
    }

    private BookSnapshot Snapshot(IActorRef book, GetBookSnapshot query)
    {
        var asker = CreateTestProbe();
        book.Tell(query, asker.Ref);
        return asker.ExpectMsg<BookSnapshot>();
    }

    private static ProtoOADepthEvent SymbolTwo()
    {
        var other = Depth(added: [Bid(99, 1, 1)]);
        other.SymbolId = 2;
        return other;
    }
}
