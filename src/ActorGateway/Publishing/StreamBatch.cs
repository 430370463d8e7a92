using System.Collections;
using Google.Protobuf;

namespace ActorGateway.Publishing;

/// <summary>
/// The items of one batch a subscription received, in order, as a read-only view: the array behind it may be shared with
/// other subscribers that got the same socket read, so it is never handed out to be written.
/// </summary>
/// <typeparam name="T">The event type (<see cref="IMessage"/> for several).</typeparam>
public sealed class StreamBatch<T> : IReadOnlyList<StreamItem<T>>
    where T : class, IMessage
{
    private readonly IReadOnlyList<StreamItem<IMessage>> _items;

    internal StreamBatch(IReadOnlyList<StreamItem<IMessage>> items)
    {
        _items = items;
    }

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <inheritdoc />
    public StreamItem<T> this[int index] => StreamItems.As<T>(_items[index]);

    /// <summary>An enumerator that allocates nothing when used by <c>foreach</c> on this type.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<StreamItem<T>> IEnumerable<StreamItem<T>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => $"{Count} items";

    /// <summary>Steps through a <see cref="StreamBatch{T}"/>.</summary>
    public struct Enumerator : IEnumerator<StreamItem<T>>
    {
        private readonly StreamBatch<T> _batch;
        private int _index;

        internal Enumerator(StreamBatch<T> batch)
        {
            _batch = batch;
            _index = -1;
        }

        /// <inheritdoc />
        public readonly StreamItem<T> Current => _batch[_index];

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc />
        public bool MoveNext() => ++_index < _batch.Count;

        /// <inheritdoc />
        public void Reset() => _index = -1;

        /// <inheritdoc />
        public readonly void Dispose()
        {
        }
    }
}
