using ActorGateway.Protocol.Registry;

namespace ActorGateway.Throttling;

/// <summary>Says whether a request of a rate class may be written now. Asked only by the connection actor.</summary>
internal interface IOutboundThrottle
{
    /// <summary>True and counts the request when it may go now; otherwise false with how long to wait.</summary>
    public bool TryAcquire(RateClass rateClass, out TimeSpan retryAfter);

    /// <summary>The grants not yet marked sent: taken when a write starts, so its completion marks exactly those.</summary>
    public SentMark Unsent();

    /// <summary>The grants counted in <paramref name="mark"/> were handed to the transport at <paramref name="timestamp"/>.</summary>
    public void MarkSent(long timestamp, SentMark mark);
}

/// <summary>How many grants of each limited class one write carries.</summary>
internal readonly record struct SentMark(int Standard, int Historical);
