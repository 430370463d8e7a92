using ActorGateway.Protocol.Registry;

namespace ActorGateway.Throttling;

/// <summary>The throttle when throttling is turned off: everything goes at once.</summary>
internal sealed class UnlimitedThrottle : IOutboundThrottle
{
    public static readonly UnlimitedThrottle Instance = new();

    public bool TryAcquire(RateClass rateClass, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        return true;
    }

    public SentMark Unsent() => default;

    public void MarkSent(long timestamp, SentMark mark)
    {
    }
}
