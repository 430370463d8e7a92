namespace ActorGateway.State;

/// <summary>
/// One side of a book: price levels sorted best first (bids high to low, asks low to high), each with the total size
/// and the number of quotes at that price. Kept in plain arrays: books are tens of levels deep, where a binary search
/// and a short shift beat any tree and allocate nothing once grown.
/// </summary>
internal sealed class BookSide(bool descending)
{
    private ulong[] _prices = new ulong[16];
    private ulong[] _sizes = new ulong[16];
    private int[] _quotes = new int[16];

    public int Count { get; private set; }

    public BookLevel this[int index] => new(_prices[index], _sizes[index], _quotes[index]);

    public void Add(ulong price, ulong size)
    {
        var index = Find(price);
        if (index >= 0)
        {
            _sizes[index] += size;
            _quotes[index]++;
            return;
        }

        index = ~index;
        if (Count == _prices.Length)
        {
            Grow();
        }

        var moved = Count - index;
        Array.Copy(_prices, index, _prices, index + 1, moved);
        Array.Copy(_sizes, index, _sizes, index + 1, moved);
        Array.Copy(_quotes, index, _quotes, index + 1, moved);
        _prices[index] = price;
        _sizes[index] = size;
        _quotes[index] = 1;
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

        if (--_quotes[index] > 0)
        {
            _sizes[index] -= size;
            return;
        }

        var moved = Count - index - 1;
        Array.Copy(_prices, index + 1, _prices, index, moved);
        Array.Copy(_sizes, index + 1, _sizes, index, moved);
        Array.Copy(_quotes, index + 1, _quotes, index, moved);
        Count--;
    }

    public void Clear() => Count = 0;

    public BookLevel[] Top(int? levels)
    {
        var count = levels is { } n ? Math.Min(n, Count) : Count;
        var top = new BookLevel[count];
        for (var i = 0; i < count; i++)
        {
            top[i] = this[i];
        }

        return top;
    }

    /// <summary>The level's index, or the complement of where it would go.</summary>
    private int Find(ulong price)
    {
        int low = 0, high = Count - 1;
        while (low <= high)
        {
            var mid = (int)((uint)(low + high) >> 1);
            var at = _prices[mid];
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

    private void Grow()
    {
        Array.Resize(ref _prices, _prices.Length * 2);
        Array.Resize(ref _sizes, _sizes.Length * 2);
        Array.Resize(ref _quotes, _quotes.Length * 2);
    }
}
