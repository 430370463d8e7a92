using Akka.Actor;

namespace ActorGateway.Publishing;

/// <summary>
/// Where the publisher hands batches straight to the code reading a stream, in its own turn: one slot, filled by the
/// publisher when empty and emptied by the stream's consumer. While the slot is full the publisher keeps what arrives in
/// the subscriber's bounded buffer and asks to be told when the slot empties; the consumer then answers it with
/// <see cref="EventsAck"/>. A consumer that keeps up so costs no message per batch. Shared by the publisher and one
/// consumer, so it locks.
/// </summary>
internal sealed class StreamHandoff
{
    private readonly Lock _gate = new();
    private EventBatch? _batch;
    private IActorRef _publisher = ActorRefs.Nobody;
    private IActorRef _reader = ActorRefs.Nobody;
    private TaskCompletionSource<bool>? _waiter;
    private bool _ackWanted;
    private bool _completed;

    /// <summary>Called by the publisher when it made the stream's reader actor, whose name the answers carry.</summary>
    public void Attach(IActorRef publisher, IActorRef reader)
    {
        lock (_gate)
        {
            (_publisher, _reader) = (publisher, reader);
        }
    }

    /// <summary>The publisher's first look, without the lock: the consumer can only empty the slot meanwhile, never fill it.</summary>
    public bool IsEmpty => Volatile.Read(ref _batch) is null;

    /// <summary>
    /// Called by the publisher: true when the slot is empty, so the next <see cref="Put"/> goes through. When it is full,
    /// the consumer answers once it takes the batch there.
    /// </summary>
    public bool TryReserve()
    {
        lock (_gate)
        {
            if (_batch is null)
            {
                return !_completed;
            }

            _ackWanted = true;
            return false;
        }
    }

    /// <summary>Called by the publisher after <see cref="TryReserve"/> said yes: the only writer, so the slot is still empty.</summary>
    public void Put(EventBatch batch)
    {
        TaskCompletionSource<bool>? wake;
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _batch = batch;
            wake = TakeWaiter();
        }

        wake?.TrySetResult(true);
    }

    /// <summary>Ends the stream: the consumer reads what it holds, then the end.</summary>
    public void Complete()
    {
        TaskCompletionSource<bool>? wake;
        lock (_gate)
        {
            _completed = true;
            wake = TakeWaiter();
        }

        wake?.TrySetResult(false);
    }

    /// <summary>Waits for the next batch; false once the stream has ended.</summary>
    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken)
    {
        Task<bool> waiting;
        lock (_gate)
        {
            if (_batch is not null)
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

    /// <summary>Takes the batch that <see cref="WaitAsync"/> announced, emptying the slot for the next.</summary>
    public EventBatch Take()
    {
        EventBatch batch;
        bool answer;
        IActorRef publisher, reader;
        lock (_gate)
        {
            batch = _batch ?? throw new InvalidOperationException("No batch is waiting.");
            _batch = null;
            answer = _ackWanted;
            _ackWanted = false;
            (publisher, reader) = (_publisher, _reader);
        }

        // Taken at once: the consumer holds one batch while the publisher fills the slot with the next.
        if (answer)
        {
            publisher.Tell(EventsAck.Instance, reader);
        }

        return batch;
    }

    private TaskCompletionSource<bool>? TakeWaiter()
    {
        var waiter = _waiter;
        _waiter = null;
        return waiter;
    }
}
