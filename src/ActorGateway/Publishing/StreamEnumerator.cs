using Google.Protobuf;

namespace ActorGateway.Publishing;

/// <summary>
/// Reads a stream subscription batch by batch: within a batch, each step is an index into its array and completes at
/// once; only at a batch's end does it wait for the next one.
/// </summary>
internal sealed class StreamEnumerator<T>(StreamHandoff handoff, CancellationToken cancellationToken) : IAsyncEnumerator<StreamItem<T>>
    where T : class, IMessage
{
    private IReadOnlyList<StreamItem<IMessage>> _items = [];
    private int _index;

    public StreamItem<T> Current { get; private set; }

    public ValueTask<bool> MoveNextAsync()
    {
        if (_index < _items.Count)
        {
            Current = StreamItems.As<T>(_items[_index++]);
            return new ValueTask<bool>(true);
        }

        return NextBatchAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async ValueTask<bool> NextBatchAsync()
    {
        while (await handoff.WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            _items = handoff.Take().Items;
            _index = 0;
            if (_items.Count > 0)
            {
                Current = StreamItems.As<T>(_items[_index++]);
                return true;
            }
        }

        return false;
    }
}
