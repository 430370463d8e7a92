using System.Threading.Channels;
using Google.Protobuf;

namespace ActorGateway.Publishing;

/// <summary>
/// One subscriber's bounded queue, read as a <see cref="ChannelReader{T}"/> by one reader at a time. The publisher's loop
/// is the only producer. It appends under a short lock to the queue of incoming items; the reader takes that whole queue
/// in one go (swapping in its own emptied one) and then reads what it took without any lock, so a subscriber that keeps
/// up costs the publisher one lock per batch and itself one per batch, not one per event. The bound applies to what
/// waits in the incoming queue; at most one more batch can be in the reader's hands. Losses are counted and surface as
/// one <see cref="EventsLost"/> notice where the gap is: before the next item after it, or at the end of what is queued
/// when nothing followed yet.
/// </summary>
internal sealed class SubscriberQueue<T> : ChannelReader<StreamItem<T>>, ISubscriber
    where T : class, IMessage
{
    private readonly Lock _gate = new();
    private Queue<StreamItem<T>> _incoming = new(); // the publisher's end, under the lock
    private Queue<StreamItem<T>> _taken = new();    // the reader's end, touched by the reader alone
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _capacity;
    private readonly OverflowPolicy _overflow;
    private readonly Action<long> _onOverflow;
    private TaskCompletionSource<bool>? _waiter;
    private int _queuedMessages;
    private long _lostAtHead;   // dropped oldest: reported before the current head
    private long _lostAtTail;   // dropped newest: reported before the next item queued
    private long _dropped;
    private bool _completed;

    // onOverflow is told the running total when a run of drops begins, not on every drop.
    public SubscriberQueue(SubscriptionFilter filter, int capacity, OverflowPolicy overflow, Action<long> onOverflow)
    {
        Filter = filter;
        _capacity = capacity;
        _overflow = overflow;
        _onOverflow = onOverflow;
    }

    public SubscriptionFilter Filter { get; }

    public long Dropped => Volatile.Read(ref _dropped);

    public override Task Completion => _completion.Task;

    public override bool CanCount => true;

    public override int Count
    {
        get
        {
            lock (_gate)
            {
                return _incoming.Count + _taken.Count;
            }
        }
    }

    public long Offer(EventBatch batch)
    {
        TaskCompletionSource<bool>? wake = null;
        var firstDrop = false;
        long lost;
        lock (_gate)
        {
            if (_completed)
            {
                return 0;
            }

            var droppedBefore = _dropped;
            var before = _incoming.Count;
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch.Passes(i, Filter))
                {
                    Enqueue((T)batch.MessageAt(i), ref firstDrop);
                }
            }

            if (_incoming.Count != before || _lostAtHead > 0 || _lostAtTail > 0)
            {
                wake = TakeWaiter();
            }

            lost = _dropped - droppedBefore;
        }

        wake?.TrySetResult(true);
        if (firstDrop)
        {
            _onOverflow(Dropped);
        }

        return lost;
    }

    public void Notify(GatewayNotice notice)
    {
        TaskCompletionSource<bool>? wake;
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            AppendLossAtTail();
            _incoming.Enqueue(new StreamItem<T>(null, notice));
            wake = TakeWaiter();
        }

        wake?.TrySetResult(true);
    }

    public void Complete()
    {
        TaskCompletionSource<bool>? wake;
        lock (_gate)
        {
            _completed = true;
            wake = TakeWaiter();
        }

        wake?.TrySetResult(false);
        if (IsDrained())
        {
            _completion.TrySetResult();
        }
    }

    public override bool TryRead(out StreamItem<T> item)
    {
        if (_taken.TryDequeue(out item) || TakeIncoming() && _taken.TryDequeue(out item))
        {
            return true;
        }

        if (IsDrained())
        {
            _completion.TrySetResult();
        }

        return false;
    }

    /// <summary>Takes everything incoming for the reader, a gap notice first where events were lost; false when none.</summary>
    private bool TakeIncoming()
    {
        lock (_gate)
        {
            if (_lostAtHead > 0)
            {
                _taken.Enqueue(new StreamItem<T>(null, new EventsLost(_lostAtHead, GapReason.Overflow)));
                _lostAtHead = 0;
            }

            if (_incoming.Count > 0)
            {
                if (_taken.Count == 0)
                {
                    // The usual case: the reader takes the full queue and hands the publisher its emptied one.
                    (_taken, _incoming) = (_incoming, _taken);
                }
                else
                {
                    // Behind a gap notice just queued: the events follow it.
                    while (_incoming.TryDequeue(out var item))
                    {
                        _taken.Enqueue(item);
                    }
                }

                _queuedMessages = 0;
            }
            else if (_lostAtTail > 0)
            {
                // Dropped newest with nothing after them yet: the reader has caught up, so it learns of them now.
                _taken.Enqueue(new StreamItem<T>(null, new EventsLost(_lostAtTail, GapReason.Overflow)));
                _lostAtTail = 0;
            }

            return _taken.Count > 0;
        }
    }

    public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
    {
        Task<bool> waiting;
        if (_taken.Count > 0)
        {
            return new ValueTask<bool>(true);
        }

        lock (_gate)
        {
            if (_incoming.Count > 0 || _lostAtHead > 0 || _lostAtTail > 0)
            {
                return new ValueTask<bool>(true);
            }

            if (_completed)
            {
                return new ValueTask<bool>(false);
            }

            _waiter ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting = _waiter.Task;
        }

        return new ValueTask<bool>(cancellationToken.CanBeCanceled ? waiting.WaitAsync(cancellationToken) : waiting);
    }

    private void Enqueue(T message, ref bool firstDrop)
    {
        if (_queuedMessages >= _capacity && !MakeRoom(ref firstDrop))
        {
            _lostAtTail++;
            Volatile.Write(ref _dropped, _dropped + 1);
            return;
        }

        AppendLossAtTail();
        _incoming.Enqueue(new StreamItem<T>(message, null));
        _queuedMessages++;
    }

    /// <summary>Drops the oldest queued event under <see cref="OverflowPolicy.DropOldest"/>; false when the new one must go.</summary>
    private bool MakeRoom(ref bool firstDrop)
    {
        firstDrop |= _lostAtHead == 0 && _lostAtTail == 0;
        // A notice at the head is never dropped, so then the new event goes instead.
        if (_overflow != OverflowPolicy.DropOldest || !_incoming.TryPeek(out var head) || !head.IsMessage)
        {
            return false;
        }

        _incoming.Dequeue();
        _queuedMessages--;
        _lostAtHead++;
        Volatile.Write(ref _dropped, _dropped + 1);
        return true;
    }

    private void AppendLossAtTail()
    {
        if (_lostAtTail > 0)
        {
            _incoming.Enqueue(new StreamItem<T>(null, new EventsLost(_lostAtTail, GapReason.Overflow)));
            _lostAtTail = 0;
        }
    }

    private TaskCompletionSource<bool>? TakeWaiter()
    {
        var waiter = _waiter;
        _waiter = null;
        return waiter;
    }

    private bool IsDrained()
    {
        lock (_gate)
        {
            return _completed && _incoming.Count == 0 && _taken.Count == 0 && _lostAtHead == 0 && _lostAtTail == 0;
        }
    }
}
