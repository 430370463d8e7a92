using System.Threading.RateLimiting;
using ActorGateway.Protocol.Registry;

namespace ActorGateway.Throttling;

/// <summary>A throttle with one <see cref="RateLimiter"/> per rate class; requests outside both classes are not limited.</summary>
internal sealed class RateLimiterThrottle(SlidingWindowLogRateLimiter standard, SlidingWindowLogRateLimiter historical)
    : IOutboundThrottle, IDisposable
{
    // A second and a little: the server stamps a request when it arrives, a little after we flushed it, and that little
    // varies; without the margin one frame of the next burst can land inside the server's second. It costs 0.5% of the
    // rate.
    internal static readonly TimeSpan Window = TimeSpan.FromSeconds(1) + TimeSpan.FromMilliseconds(5);

    public static RateLimiterThrottle Create(ThrottleOptions options, TimeProvider time) => new(
        new SlidingWindowLogRateLimiter(options.StandardPerSecond, Window, time),
        new SlidingWindowLogRateLimiter(options.HistoricalPerSecond, Window, time));

    public bool TryAcquire(RateClass rateClass, out TimeSpan retryAfter)
    {
        var limiter = rateClass switch
        {
            RateClass.Standard => standard,
            RateClass.Historical => historical,
            _ => null,
        };
        retryAfter = TimeSpan.Zero;
        if (limiter is null)
        {
            return true;
        }

        using var lease = limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return true;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.Zero;
        return false;
    }

    public SentMark Unsent() => new(standard.Unsent, historical.Unsent);

    public void MarkSent(long timestamp, SentMark mark)
    {
        standard.MarkSent(timestamp, mark.Standard);
        historical.MarkSent(timestamp, mark.Historical);
    }

    public void Dispose()
    {
        standard.Dispose();
        historical.Dispose();
    }
}
