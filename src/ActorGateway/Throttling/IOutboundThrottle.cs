using ActorGateway.Protocol.Registry;

namespace ActorGateway.Throttling;

/// <summary>Says whether a request of a rate class may be written now. Asked only by the connection actor.</summary>
internal interface IOutboundThrottle
{
    /// <summary>True and counts the request when it may go now; otherwise false with how long to wait.</summary>
    public bool TryAcquire(RateClass rateClass, out TimeSpan retryAfter);

    /// <summary>The requests allowed since the last call were handed to the transport at <paramref name="timestamp"/>.</summary>
    public void MarkSent(long timestamp);
}
