using Google.Protobuf;

namespace ActorGateway.Publishing;

/// <summary>
/// What waits at the publisher for one subscriber while its last batch is unanswered: at most <c>capacity</c> events
/// (notices are never dropped), the overflow policy applied when full, and each run of losses kept as one
/// <see cref="EventsLost"/> at the place of the gap — before the oldest kept event when the oldest were dropped, before
/// the next item when the newest were. Owned by the publisher actor alone, so it takes no lock.
/// </summary>
internal sealed class SubscriberBuffer(int capacity, OverflowPolicy overflow)
{
    private readonly Queue<StreamItem<IMessage>> _items = new();
    private int _messages;
    private long _lostAtHead; // dropped oldest: reported before the current head
    private long _lostAtTail; // dropped newest: reported before the next item queued

    public bool HasItems => _items.Count > 0 || IsLosing;

    /// <summary>True while a run of losses has not yet been handed to the subscriber.</summary>
    public bool IsLosing => _lostAtHead > 0 || _lostAtTail > 0;

    /// <summary>Queues the events of <paramref name="batch"/> that pass <paramref name="filter"/>.</summary>
    /// <returns>How many events were dropped for lack of room.</returns>
    public long Offer(InboundBatch batch, SubscriptionFilter filter)
    {
        long lost = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch.Passes(i, filter))
            {
                lost += Enqueue(batch.MessageAt(i));
            }
        }

        return lost;
    }

    public void Notify(GatewayNotice notice)
    {
        AppendLossAtTail();
        _items.Enqueue(new StreamItem<IMessage>(null, notice));
    }

    /// <summary>Takes everything waiting, gap notices in place; empty when nothing waits.</summary>
    public StreamItem<IMessage>[] TakeAll()
    {
        var head = _lostAtHead > 0 ? 1 : 0;
        var tail = _lostAtTail > 0 ? 1 : 0;
        var items = new StreamItem<IMessage>[head + _items.Count + tail];
        if (head == 1)
        {
            items[0] = new StreamItem<IMessage>(null, new EventsLost(_lostAtHead, GapReason.Overflow));
        }

        _items.CopyTo(items, head);
        if (tail == 1)
        {
            // Dropped newest with nothing after them yet: the subscriber has caught up, so it learns of them now.
            items[^1] = new StreamItem<IMessage>(null, new EventsLost(_lostAtTail, GapReason.Overflow));
        }

        _items.Clear();
        _messages = 0;
        _lostAtHead = 0;
        _lostAtTail = 0;
        return items;
    }

    private int Enqueue(IMessage message)
    {
        var lost = 0;
        if (_messages >= capacity)
        {
            lost = 1;
            if (!MakeRoom())
            {
                _lostAtTail++;
                return lost;
            }
        }

        AppendLossAtTail();
        _items.Enqueue(new StreamItem<IMessage>(message, null));
        _messages++;
        return lost;
    }

    /// <summary>Drops the oldest queued event under <see cref="OverflowPolicy.DropOldest"/>; false when the new one must go.</summary>
    private bool MakeRoom()
    {
        // A notice at the head is never dropped, so then the new event goes instead.
        if (overflow != OverflowPolicy.DropOldest || !_items.TryPeek(out var head) || !head.IsMessage)
        {
            return false;
        }

        _items.Dequeue();
        _messages--;
        _lostAtHead++;
        return true;
    }

    private void AppendLossAtTail()
    {
        if (_lostAtTail > 0)
        {
            _items.Enqueue(new StreamItem<IMessage>(null, new EventsLost(_lostAtTail, GapReason.Overflow)));
            _lostAtTail = 0;
        }
    }
}
