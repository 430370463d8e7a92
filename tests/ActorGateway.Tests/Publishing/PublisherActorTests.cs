using ActorGateway.Actors;
using ActorGateway.Diagnostics;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using Akka.Actor;
using Google.Protobuf;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorGateway.Tests.Publishing;

public sealed class PublisherActorTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly uint Spot = (uint)ProtoOAPayloadType.ProtoOaSpotEvent;
    private readonly PublisherSink _sink = new();
    private readonly GatewayMetrics _metrics = new("publisher-tests");

    [Fact]
    public void SubscribeEvents_subscriber_gets_one_batch_per_read_filtered_by_type_account_and_symbol()
    {
        var publisher = CreatePublisher();
        var subscriber = CreateTestProbe();
        Subscribe(publisher, subscriber.Ref, new SubscriptionOptions { PayloadTypes = [Spot], AccountId = 1, SymbolIds = [5] });

        publisher.Tell(Read(SpotOf(2, 5), SpotOf(1, 6), new ProtoOADepthEvent { CtidTraderAccountId = 1, SymbolId = 5 }, SpotOf(1, 5), SpotOf(1, 5)));

        var batch = subscriber.ExpectMsg<EventBatch>();
        Assert.Equal(2, batch.Items.Count);
        Assert.All(batch.Items, item => Assert.Equal((1L, 5L), Keys(item)));
    }

    [Fact]
    public void SubscribeEvents_subscribers_that_keep_up_and_want_all_of_a_read_share_one_array_for_it()
    {
        var publisher = CreatePublisher();
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        Subscribe(publisher, first.Ref, new SubscriptionOptions());
        Subscribe(publisher, second.Ref, SubscriptionOptions.MarketData(accountId: 1));

        publisher.Tell(Read(SpotOf(1, 1), SpotOf(1, 2), SpotOf(1, 3)));

        var seen = first.ExpectMsg<EventBatch>().Items;
        Assert.Equal(3, seen.Count);
        Assert.Same(seen, second.ExpectMsg<EventBatch>().Items);
    }

    [Fact]
    public void EventBatch_unanswered_holds_the_rest_at_the_publisher_within_the_bound_and_marks_the_gap()
    {
        var publisher = CreatePublisher();
        var subscriber = CreateTestProbe();
        Subscribe(publisher, subscriber.Ref, new SubscriptionOptions { Capacity = 2, Overflow = OverflowPolicy.DropOldest });
        publisher.Tell(Read(SpotOf(1, 1)));
        Assert.Equal(["1"], SubscriberBufferTests.Names(subscriber.ExpectMsg<EventBatch>().Items));

        publisher.Tell(Read(SpotOf(1, 2), SpotOf(1, 3)));
        publisher.Tell(Read(SpotOf(1, 4), SpotOf(1, 5)));
        subscriber.ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // its mailbox holds one batch, whatever the feed does
        publisher.Tell(EventsAck.Instance, subscriber.Ref);

        Assert.Equal(["lost 2", "4", "5"], SubscriberBufferTests.Names(subscriber.ExpectMsg<EventBatch>().Items));
    }

    [Fact]
    public void EventBatch_a_subscriber_that_never_answers_stalls_only_itself()
    {
        var publisher = CreatePublisher();
        var stuck = CreateTestProbe();
        var fast = CreateTestProbe();
        Subscribe(publisher, stuck.Ref, new SubscriptionOptions { Capacity = 10 });
        Subscribe(publisher, fast.Ref, new SubscriptionOptions { Capacity = 1_000 });

        const int reads = 200;
        for (var i = 0; i < reads; i++)
        {
            publisher.Tell(Read(SpotOf(1, i)));
        }

        var seen = 0;
        while (seen < reads)
        {
            seen += fast.ExpectMsg<EventBatch>().Items.Count;
            fast.Reply(EventsAck.Instance);
        }

        Assert.Equal(reads, seen);
        Assert.Single(stuck.ExpectMsg<EventBatch>().Items);
        stuck.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Terminated_subscriber_is_forgotten_and_the_connection_stops_gathering_for_it()
    {
        var publisher = CreatePublisher();
        var subscriber = CreateTestProbe();
        Subscribe(publisher, subscriber.Ref, new SubscriptionOptions());
        Assert.Equal(1, _sink.Subscribers.Value);

        Sys.Stop(subscriber.Ref);

        AwaitAssert(() => Assert.Equal(0, _sink.Subscribers.Value));
    }

    [Fact]
    public void SubscribeEvents_invalid_capacity_is_refused_with_an_argument_exception()
    {
        var publisher = CreatePublisher();

        publisher.Tell(new SubscribeEvents(CreateTestProbe().Ref, new SubscriptionOptions { Capacity = 0 }), TestActor);

        Assert.IsType<ArgumentException>(ExpectMsg<Status.Failure>().Cause);
        Assert.Equal(0, _sink.Subscribers.Value);
    }

    [Fact]
    public void OnDisconnected_tells_every_subscriber_of_the_loss_and_then_the_gap()
    {
        var publisher = CreatePublisher();
        var subscriber = CreateTestProbe();
        Subscribe(publisher, subscriber.Ref, SubscriptionOptions.Trading());
        var endpoint = new GatewayEndpoint("h", 1);

        _sink.OnDisconnected(endpoint, new GatewayConnectionException(ConnectionFailureKind.ServerClosed, "closed"));

        var notices = new List<GatewayNotice>();
        while (notices.Count < 2)
        {
            notices.AddRange(subscriber.ExpectMsg<EventBatch>().Items.Select(i => i.Notice!));
            subscriber.Reply(EventsAck.Instance);
        }

        Assert.Equal(endpoint, Assert.IsType<ConnectionLost>(notices[0]).Endpoint);
        Assert.Equal(GapReason.Reconnect, Assert.IsType<EventsLost>(notices[1]).Reason);
    }

    [Fact]
    public void PublisherSink_tells_one_array_per_read_and_nothing_while_nobody_subscribes()
    {
        var publisher = CreateTestProbe();
        _sink.Attach(publisher.Ref);
        Deliver(SpotOf(1, 1));
        _sink.OnReadEnd();
        publisher.ExpectNoMsg(TimeSpan.FromMilliseconds(50));

        _sink.Subscribers.Value = 1;
        Deliver(SpotOf(1, 2));
        Deliver(SpotOf(1, 3));
        _sink.OnReadEnd();

        Assert.Equal(2, publisher.ExpectMsg<InboundEvents>().Messages.Length);
    }

    protected override void Dispose(bool disposing)
    {
        _metrics.Dispose();
        base.Dispose(disposing);
    }

    private IActorRef CreatePublisher()
    {
        var publisher = Sys.ActorOf(PublisherActor.Props(_sink.Subscribers, null, _metrics, NullLoggerFactory.Instance));
        _sink.Attach(publisher);
        return publisher;
    }

    private void Subscribe(IActorRef publisher, IActorRef subscriber, SubscriptionOptions options)
    {
        publisher.Tell(new SubscribeEvents(subscriber, options), TestActor);
        ExpectMsg<EventsSubscribed>();
    }

    private void Deliver(IMessage message) => _sink.OnMessage(Message(message));

    private static InboundEvents Read(params IMessage[] messages) => new([.. messages.Select(Message)]);

    private static OpenApiMessage Message(IMessage message) =>
        new(Protocol.Registry.PayloadRegistry.Of(message).PayloadType, message, null);

    private static ProtoOASpotEvent SpotOf(long account, long symbol) => new() { CtidTraderAccountId = account, SymbolId = symbol };

    private static (long, long) Keys(StreamItem<IMessage> item) =>
        item.Message is ProtoOASpotEvent spot ? (spot.CtidTraderAccountId, spot.SymbolId) : (0, 0);
}
