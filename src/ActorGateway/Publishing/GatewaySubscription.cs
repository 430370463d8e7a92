using System.Threading.Channels;
using Google.Protobuf;

namespace ActorGateway.Publishing;

/// <summary>
/// One subscriber's stream of events and notices, on a bounded queue of its own: a subscriber that reads slowly or not
/// at all only loses its own events (counted in <see cref="Dropped"/> and reported in-stream by an
/// <see cref="EventsLost"/> notice). Read it with <c>await foreach</c> or through <see cref="Reader"/>; a subscription
/// made with a callback is read for you. Disposing it removes it at once.
/// </summary>
/// <typeparam name="T">The event type (<see cref="IMessage"/> for several).</typeparam>
public sealed class GatewaySubscription<T> : IAsyncEnumerable<StreamItem<T>>, IAsyncDisposable
    where T : class, IMessage
{
    private readonly SubscriberQueue<T> _queue;
    private readonly Action<ISubscriber> _remove;
    private Task _callbackLoop = Task.CompletedTask;
    private long _callbackFailures;
    private int _disposed;

    internal GatewaySubscription(SubscriberQueue<T> queue, Action<ISubscriber> remove)
    {
        _queue = queue;
        _remove = remove;
    }

    /// <summary>The stream as a channel reader; it completes when the subscription or the session is disposed.</summary>
    public ChannelReader<StreamItem<T>> Reader => _queue;

    /// <summary>How many events were dropped because the queue was full.</summary>
    public long Dropped => _queue.Dropped;

    /// <summary>How many times the callback threw (each was logged; the stream went on).</summary>
    public long CallbackFailures => Interlocked.Read(ref _callbackFailures);

    /// <inheritdoc />
    public IAsyncEnumerator<StreamItem<T>> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        _queue.ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    /// <summary>Stops delivery at once and ends the stream; a running callback finishes its current item first.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Complete();
        _remove(_queue);
        await _callbackLoop.ConfigureAwait(false);
    }

    /// <summary>Reads the stream on a task of its own, handing each item to <paramref name="callback"/>.</summary>
    internal void RunCallback(Action<StreamItem<T>> callback, Action<Exception> onFailure) =>
        _callbackLoop = CallbackLoopAsync(callback, onFailure);

    private async Task CallbackLoopAsync(Action<StreamItem<T>> callback, Action<Exception> onFailure)
    {
        await Task.Yield(); // never run user code on the subscribing thread
        while (await _queue.WaitToReadAsync().ConfigureAwait(false))
        {
            while (_queue.TryRead(out var item))
            {
                try
                {
                    callback(item);
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref _callbackFailures);
                    onFailure(e);
                }
            }
        }
    }
}
