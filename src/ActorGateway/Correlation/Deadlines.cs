namespace ActorGateway.Correlation;

/// <summary>Turns a request's timeout into the timestamp it ends at, on the gateway's clock.</summary>
internal static class Deadlines
{
    /// <summary>
    /// The timestamp <paramref name="timeout"/> from now, or <see cref="long.MaxValue"/> for an infinite one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is neither positive nor infinite.</exception>
    public static long After(TimeProvider time, TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return long.MaxValue;
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(timeout));
        var ticks = timeout.TotalSeconds * time.TimestampFrequency;
        var now = time.GetTimestamp();
        return ticks >= long.MaxValue - now ? long.MaxValue : now + (long)ticks;
    }
}
