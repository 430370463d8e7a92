namespace ActorGateway.State;

/// <summary>
/// One price level of a book: the price as the protocol sends it (an integer in 1/100000), the total size of its quotes
/// in 0.01 units, and how many quotes make it up.
/// </summary>
public readonly record struct BookLevel(ulong RawPrice, ulong Size, int Quotes)
{
    /// <summary>The price.</summary>
    public decimal Price => RawPrice / 100_000m;

    /// <summary>The size in units of the base asset.</summary>
    public decimal Units => Size / 100m;
}

/// <summary>One quote of a book as the server sent it: its id, side, price (1/100000) and size (0.01 units).</summary>
public readonly record struct BookQuote(ulong Id, bool IsBid, ulong RawPrice, ulong Size);
