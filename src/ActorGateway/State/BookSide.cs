namespace ActorGateway.State;

/// <summary>
/// One side of a book: price levels sorted best first (bids high to low, asks low to high), each with the total size
/// and the number of quotes at that price. Kept in one plain array of levels: books are tens of levels deep, where a
/// binary search and a short shift beat any tree and allocate nothing once grown.
/// </summary>
internal sealed class BookSide(bool descending)
{
    private BookLevel[] _levels = new BookLevel[16];

    public int Count { get; private set; }

    public BookLevel this[int index] => _levels[index];

    public void Add(ulong price, ulong size)
    {
        var index = Find(price);
        if (index >= 0)
        {
            ref var level = ref _levels[index];
            level = new BookLevel(price, level.Size + size, level.Quotes + 1);
            return;
        }

        index = ~index;
        if (Count == _levels.Length)
        {
            Array.Resize(ref _levels, _levels.Length * 2);
        }

        _levels.AsSpan(index, Count - index).CopyTo(_levels.AsSpan(index + 1));
        _levels[index] = new BookLevel(price, size, 1);
        Count++;
    }

    /// <summary>Takes one quote of <paramref name="size"/> out of the level at <paramref name="price"/>.</summary>
    public void Remove(ulong price, ulong size)
    {
        var index = Find(price);
        if (index < 0)
        {
            return; // cannot happen for a quote the book holds; the caller checked
        }

        ref var level = ref _levels[index];
        if (level.Quotes > 1)
        {
            level = new BookLevel(price, level.Size - size, level.Quotes - 1);
            return;
        }

        _levels.AsSpan(index + 1, Count - index - 1).CopyTo(_levels.AsSpan(index));
        Count--;
    }

    public void Clear() => Count = 0;

    public BookLevel[] Top(int? levels) => _levels.AsSpan(0, levels is { } n ? Math.Min(n, Count) : Count).ToArray();

    /// <summary>The level's index, or the complement of where it would go.</summary>
    private int Find(ulong price)
    {
        int low = 0, high = Count - 1;
        while (low <= high)
        {
            var mid = (int)((uint)(low + high) >> 1);
            var at = _levels[mid].RawPrice;
            if (at == price)
            {
                return mid;
            }

            if (descending ? at > price : at < price)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return ~low;
    }
}
