namespace ActorGateway.Simulator.Inbound;

/// <summary>
/// The bytes of incomplete inbound frames the server holds for all its connections. Each connection holds its first
/// <see cref="FreePerConnection"/> bytes without drawing on the budget, so a request split across two reads is never
/// refused however busy the server is; beyond that it reserves, and a reservation that does not fit is refused.
/// </summary>
internal sealed class FrameBudget(long capacity)
{
    /// <summary>What a connection may hold without reserving: far more than any request of the protocol needs.</summary>
    public const int FreePerConnection = 16 * 1024;

    private long _used;

    public long Capacity => capacity;

    /// <summary>Bytes reserved now, across connections.</summary>
    public long Used => Interlocked.Read(ref _used);

    /// <summary>
    /// Makes a connection's reservation match the <paramref name="buffered"/> bytes it holds of an incomplete frame.
    /// </summary>
    /// <returns>False, leaving <paramref name="reserved"/> as it was, when the budget cannot cover the growth.</returns>
    public bool TryHold(ref long reserved, long buffered)
    {
        var wanted = Math.Max(0, buffered - FreePerConnection);
        var growth = wanted - reserved;
        while (growth > 0)
        {
            var used = Interlocked.Read(ref _used);
            if (used + growth > capacity)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _used, used + growth, used) == used)
            {
                break;
            }
        }

        if (growth < 0)
        {
            Interlocked.Add(ref _used, growth);
        }

        reserved = wanted;
        return true;
    }

    /// <summary>Gives a connection's whole reservation back.</summary>
    public void Release(ref long reserved)
    {
        Interlocked.Add(ref _used, -reserved);
        reserved = 0;
    }
}
