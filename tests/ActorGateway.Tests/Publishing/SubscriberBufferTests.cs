using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using Google.Protobuf;

namespace ActorGateway.Tests.Publishing;

public sealed class SubscriberBufferTests
{
    private static readonly SubscriptionFilter Everything = new(null, null, null);

    [Fact]
    public void Offer_drop_newest_keeps_the_queued_events_and_reports_the_gap_before_the_next_one()
    {
        var buffer = new SubscriberBuffer(2, OverflowPolicy.DropNewest);

        var lost = buffer.Offer(Run(1, 2, 3, 4), Everything);
        buffer.Notify(new SessionRestored(1));

        Assert.Equal(2, lost);
        Assert.Equal(["1", "2", "lost 2", "SessionRestored"], Names(buffer.TakeAll()));
    }

    [Fact]
    public void TakeAll_with_newest_dropped_and_nothing_after_reports_the_gap_at_the_end()
    {
        var buffer = new SubscriberBuffer(1, OverflowPolicy.DropNewest);

        buffer.Offer(Run(1, 2, 3), Everything);

        Assert.Equal(["1", "lost 2"], Names(buffer.TakeAll()));
        Assert.False(buffer.HasItems);
    }

    [Fact]
    public void Offer_drop_oldest_reports_the_gap_before_the_newest_events()
    {
        var buffer = new SubscriberBuffer(2, OverflowPolicy.DropOldest);

        var lost = buffer.Offer(Run(1, 2, 3, 4, 5), Everything);

        Assert.Equal(3, lost);
        Assert.Equal(["lost 3", "4", "5"], Names(buffer.TakeAll()));
    }

    [Fact]
    public void Notify_full_buffer_still_takes_the_notice_and_never_drops_it()
    {
        var buffer = new SubscriberBuffer(1, OverflowPolicy.DropOldest);
        buffer.Notify(new SessionRestored(1));
        buffer.Offer(Run(1), Everything);

        buffer.Offer(Run(2), Everything);
        buffer.Notify(new SessionRestored(2));

        // The notice at the head is kept, so the new event is the one that goes; the later notice still gets in.
        Assert.Equal(["SessionRestored", "1", "lost 1", "SessionRestored"], Names(buffer.TakeAll()));
    }

    [Fact]
    public void TakeAll_empties_the_buffer_and_the_bound_applies_afresh()
    {
        var buffer = new SubscriberBuffer(2, OverflowPolicy.DropOldest);
        buffer.Offer(Run(1, 2), Everything);
        buffer.TakeAll();

        var lost = buffer.Offer(Run(3, 4), Everything);

        Assert.Equal(0, lost);
        Assert.Equal(["3", "4"], Names(buffer.TakeAll()));
    }

    [Fact]
    public void Offer_keeps_only_what_passes_the_filter()
    {
        var buffer = new SubscriberBuffer(10, OverflowPolicy.DropOldest);
        var symbolTwo = new SubscriptionFilter(null, 1, [2]);
        var run = Run(1, 2, 3);
        run.ReadKeys(new EventKeys());

        buffer.Offer(run, symbolTwo);

        Assert.Equal(["2"], Names(buffer.TakeAll()));
    }

    internal static InboundBatch Run(params long[] symbols)
    {
        var batch = new InboundBatch(symbols.Length);
        foreach (var symbol in symbols)
        {
            batch.Add(new ProtoOASpotEvent { CtidTraderAccountId = 1, SymbolId = symbol }, (uint)ProtoOAPayloadType.ProtoOaSpotEvent);
        }

        return batch;
    }

    internal static List<string> Names(IEnumerable<StreamItem<IMessage>> items) =>
    [
        .. items.Select(item => item.Notice switch
        {
            EventsLost lost => $"lost {lost.Count}",
            { } notice => notice.GetType().Name,
            null => ((ProtoOASpotEvent)item.Message!).SymbolId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }),
    ];
}
