using Akka.Actor;

namespace ActorGateway.Publishing;

/// <summary>
/// Where a stream reader actor hands batches to the code reading the stream, one batch at a time: the reader actor puts
/// a batch here, the stream's consumer takes it, and answers the publisher once it has read it, which lets the next batch
/// go. Shared by the reader actor and one consumer, so it locks.
/// </summary>
internal sealed class StreamHandoff
{
    private readonly Lock _gate = new();
    private EventBatch? _batch;
    private IActorRef? _publisher;
    private IActorRef? _reader;
    private TaskCompletionSource<bool>? _waiter;
    private bool _completed;

    /// <summary>Called by the reader actor: a batch from <paramref name="publisher"/>, answered on behalf of <paramref name="reader"/>.</summary>
    public void Put(EventBatch batch, IActorRef publisher, IActorRef reader)
    {
        TaskCompletionSource<bool>? wake;
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _batch = batch;
            _publisher = publisher;
            _reader = reader;
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

    /// <summary>Takes the batch that <see cref="WaitAsync"/> announced and lets the publisher send the next.</summary>
    public EventBatch Take()
    {
        EventBatch batch;
        IActorRef publisher, reader;
        lock (_gate)
        {
            batch = _batch ?? throw new InvalidOperationException("No batch is waiting.");
            (publisher, reader) = (_publisher!, _reader!);
            _batch = null;
        }

        // Answered as soon as taken: the consumer holds one batch and the publisher gathers the next meanwhile.
        publisher.Tell(EventsAck.Instance, reader);
        return batch;
    }

    private TaskCompletionSource<bool>? TakeWaiter()
    {
        var waiter = _waiter;
        _waiter = null;
        return waiter;
    }
}
