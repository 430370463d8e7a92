using ActorGateway.Publishing;
using ActorGateway.TestKit;
using Google.Protobuf;

namespace ActorGateway.Tests.Publishing;

/// <summary>The slot between the publisher and a stream's consumer: no message while the consumer keeps up, one when it lags.</summary>
public sealed class StreamHandoffTests : Akka.TestKit.Xunit2.TestKit
{
    private readonly StreamHandoff _handoff = new();
    private readonly Akka.TestKit.TestProbe _publisher;
    private readonly Akka.TestKit.TestProbe _reader;

    public StreamHandoffTests()
    {
        _publisher = CreateTestProbe();
        _reader = CreateTestProbe();
        _handoff.Attach(_publisher.Ref, _reader.Ref);
    }

    [Fact]
    public void A_consumer_that_takes_each_batch_before_the_next_costs_the_publisher_no_message()
    {
        var first = Batch();
        var second = Batch();

        Assert.True(_handoff.TryReserve());
        _handoff.Put(first);
        Assert.Same(first, _handoff.Take());
        Assert.True(_handoff.TryReserve());
        _handoff.Put(second);
        Assert.Same(second, _handoff.Take());

        _publisher.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_publisher_refused_while_the_slot_is_full_is_answered_in_the_readers_name_when_the_consumer_takes_it()
    {
        var held = Batch();
        Assert.True(_handoff.TryReserve());
        _handoff.Put(held);

        Assert.False(_handoff.TryReserve());
        Assert.Same(held, _handoff.Take());

        _publisher.ExpectMsg<EventsAck>();
        Assert.Equal(_reader.Ref, _publisher.LastSender);
        Assert.True(_handoff.TryReserve());
    }

    [Fact]
    public async Task A_waiting_consumer_wakes_on_the_next_batch()
    {
        var waiting = _handoff.WaitAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        _handoff.Put(Batch());

        Assert.True(await waiting.AsTask().WaitAsync(TestTimeouts.Default));
    }

    [Fact]
    public async Task A_completed_stream_gives_the_batch_it_holds_then_ends_and_takes_no_more()
    {
        var held = Batch();
        _handoff.Put(held);
        _handoff.Complete();

        Assert.True(await _handoff.WaitAsync(CancellationToken.None));
        Assert.Same(held, _handoff.Take());
        Assert.False(await _handoff.WaitAsync(CancellationToken.None));
        Assert.False(_handoff.TryReserve());
    }

    private static EventBatch Batch() => new([new StreamItem<IMessage>(new Protocol.Messages.ProtoOASpotEvent(), null)]);
}
