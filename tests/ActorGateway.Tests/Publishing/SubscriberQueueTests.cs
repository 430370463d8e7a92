using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using ActorGateway.TestKit;

namespace ActorGateway.Tests.Publishing;

public sealed class SubscriberQueueTests
{
    [Fact]
    public void Offer_drop_newest_keeps_the_queued_events_and_reports_the_gap_before_the_next_one()
    {
        var queue = Queue(capacity: 2, OverflowPolicy.DropNewest);
        queue.Offer(Batch(1, 2, 3, 4));
        Assert.True(queue.TryRead(out var first));
        queue.Offer(Batch(5));

        var rest = Drain(queue);

        Assert.Equal(1, first.Message!.SymbolId);
        Assert.Equal(["2", "lost 2", "5"], rest);
        Assert.Equal(2, queue.Dropped);
    }

    [Fact]
    public void TryRead_caught_up_reader_learns_of_newest_events_dropped_after_the_queue()
    {
        var queue = Queue(capacity: 1, OverflowPolicy.DropNewest);

        queue.Offer(Batch(1, 2, 3));

        Assert.Equal(["1", "lost 2"], Drain(queue));
        Assert.Equal(2, queue.Dropped);
    }

    [Fact]
    public void Offer_drop_oldest_reports_the_gap_before_the_newest_events()
    {
        var queue = Queue(capacity: 2, OverflowPolicy.DropOldest);

        queue.Offer(Batch(1, 2, 3, 4, 5));

        Assert.Equal(["lost 3", "4", "5"], Drain(queue));
        Assert.Equal(3, queue.Dropped);
    }

    [Fact]
    public void Offer_while_the_reader_holds_a_taken_batch_bounds_only_what_waits_behind_it()
    {
        var queue = Queue(capacity: 2, OverflowPolicy.DropOldest);
        queue.Offer(Batch(1, 2));
        Assert.True(queue.TryRead(out var first)); // the reader now holds 1 and 2

        queue.Offer(Batch(3, 4, 5));

        // 2 was already the reader's, so it is delivered; of the three behind it, the oldest gives way to the bound.
        Assert.Equal(1, first.Message!.SymbolId);
        Assert.Equal(["2", "lost 1", "4", "5"], Drain(queue));
        Assert.Equal(1, queue.Dropped);
    }

    [Fact]
    public void Notify_full_queue_still_takes_the_notice_and_never_drops_it()
    {
        var queue = Queue(capacity: 1, OverflowPolicy.DropOldest);
        queue.Notify(new SessionRestored(1));
        queue.Offer(Batch(1));

        queue.Offer(Batch(2));
        queue.Notify(new SessionRestored(2));

        // The notice at the head is kept, so the new event is the one that goes; the later notice still gets in.
        Assert.Equal(["SessionRestored", "1", "lost 1", "SessionRestored"], Drain(queue));
    }

    [Fact]
    public async Task Complete_ends_the_stream_after_what_is_queued()
    {
        var queue = Queue(capacity: 4, OverflowPolicy.DropOldest);
        queue.Offer(Batch(1));

        queue.Complete();

        Assert.True(await queue.WaitToReadAsync());
        Assert.Equal(["1"], Drain(queue));
        Assert.False(await queue.WaitToReadAsync());
        Assert.True(queue.Completion.IsCompleted);
    }

    [Fact]
    public async Task WaitToReadAsync_waiting_reader_is_woken_by_an_offer()
    {
        var queue = Queue(capacity: 4, OverflowPolicy.DropOldest);
        var waiting = queue.WaitToReadAsync().AsTask();
        Assert.False(waiting.IsCompleted);

        queue.Offer(Batch(7));

        Assert.True(await waiting.OrTimeout());
    }

    private static SubscriberQueue<ProtoOASpotEvent> Queue(int capacity, OverflowPolicy overflow) =>
        new(new SubscriptionFilter(null, null, null), capacity, overflow, _ => { });

    private static EventBatch Batch(params long[] symbols)
    {
        var batch = new EventBatch(symbols.Length);
        foreach (var symbol in symbols)
        {
            batch.Add(new ProtoOASpotEvent { CtidTraderAccountId = 1, SymbolId = symbol }, (uint)ProtoOAPayloadType.ProtoOaSpotEvent);
        }

        return batch;
    }

    private static List<string> Drain(SubscriberQueue<ProtoOASpotEvent> queue)
    {
        var seen = new List<string>();
        while (queue.TryRead(out var item))
        {
            seen.Add(item.Notice switch
            {
                EventsLost lost => $"lost {lost.Count}",
                { } notice => notice.GetType().Name,
                null => item.Message!.SymbolId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        return seen;
    }
}
