using System.Threading.RateLimiting;
using ActorGateway.TestKit;
using ActorGateway.Throttling;
using FsCheck;
using FsCheck.Fluent;

namespace ActorGateway.Tests.Throttling;

public sealed class SlidingWindowLogRateLimiterTests
{
    [Fact]
    public void AttemptAcquire_over_the_limit_is_refused_until_the_oldest_grant_leaves_the_window()
    {
        var time = new FakeTimeProvider();
        using var limiter = new SlidingWindowLogRateLimiter(3, TimeSpan.FromSeconds(1), time);
        foreach (var _ in Enumerable.Range(0, 3))
        {
            Assert.True(limiter.AttemptAcquire().IsAcquired);
            time.Advance(TimeSpan.FromMilliseconds(200));
        }

        time.Advance(TimeSpan.FromMilliseconds(100)); // now 700 ms after the first grant
        using var refused = limiter.AttemptAcquire();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(300), retryAfter);
        time.Advance(TimeSpan.FromMilliseconds(299));
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void Grants_marked_sent_later_count_from_when_they_were_sent()
    {
        var time = new FakeTimeProvider();
        using var limiter = new SlidingWindowLogRateLimiter(2, TimeSpan.FromSeconds(1), time);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        time.Advance(TimeSpan.FromMilliseconds(40)); // the burst took 40 ms to leave
        limiter.MarkSent(time.GetTimestamp());
        limiter.MarkSent(time.GetTimestamp() + 1000); // nothing granted since: nothing moves

        time.Advance(TimeSpan.FromMilliseconds(999));
        using var refused = limiter.AttemptAcquire();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(1), retryAfter);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void Grants_made_during_a_write_wait_for_the_write_that_carries_them()
    {
        var time = new FakeTimeProvider();
        using var limiter = new SlidingWindowLogRateLimiter(3, TimeSpan.FromSeconds(1), time);
        Assert.True(limiter.AttemptAcquire().IsAcquired);           // carried by the first write
        var firstWrite = limiter.Unsent;
        Assert.True(limiter.AttemptAcquire().IsAcquired);           // granted while the first write is in flight
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        time.Advance(TimeSpan.FromMilliseconds(10));
        limiter.MarkSent(time.GetTimestamp(), firstWrite);           // the first write left at 10 ms
        Assert.Equal(2, limiter.Unsent);
        time.Advance(TimeSpan.FromMilliseconds(30));
        limiter.MarkSent(time.GetTimestamp(), limiter.Unsent);       // the second at 40 ms

        time.Advance(TimeSpan.FromMilliseconds(970));                // 1010 ms: only the first grant has left the window
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        using var refused = limiter.AttemptAcquire();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(30), retryAfter);    // the second write's grants leave at 1040 ms
    }

    [Fact]
    public void AttemptAcquire_never_grants_more_than_the_limit_in_any_window_whatever_the_arrivals()
    {
        Prop.ForAll<byte, ushort[]>((limit, gaps) => GrantsRespectTheLimit(limit % 10 + 1, gaps)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AttemptAcquire_with_a_backlog_grants_at_exactly_the_limit_per_window()
    {
        var time = new FakeTimeProvider();
        using var limiter = new SlidingWindowLogRateLimiter(5, TimeSpan.FromSeconds(1), time);
        var grants = new List<TimeSpan>();
        var start = time.GetTimestamp();
        while (grants.Count < 20)
        {
            using var lease = limiter.AttemptAcquire();
            if (lease.IsAcquired)
            {
                grants.Add(time.GetElapsedTime(start));
            }
            else
            {
                lease.TryGetMetadata(MetadataName.RetryAfter, out var wait);
                time.Advance(wait);
            }
        }

        // Five at 0 s, five at 1 s, five at 2 s, five at 3 s: the rate is the limit, never below it.
        Assert.Equal(Enumerable.Range(0, 20).Select(i => TimeSpan.FromSeconds(i / 5)), grants);
    }

    [Fact]
    public async Task AcquireAsync_waits_for_the_retry_after_on_the_time_provider()
    {
        var time = new FakeTimeProvider();
        using var limiter = new SlidingWindowLogRateLimiter(1, TimeSpan.FromSeconds(1), time);
        Assert.True(limiter.AttemptAcquire().IsAcquired);

        var waiting = limiter.AcquireAsync().AsTask();
        await time.WaitForPendingTimersAsync();
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True((await waiting.OrTimeout()).IsAcquired);
        Assert.Equal(0, limiter.GetStatistics()!.CurrentAvailablePermits);
    }

    private static bool GrantsRespectTheLimit(int limit, ushort[] gaps)
    {
        var time = new FakeTimeProvider();
        using var limiter = new SlidingWindowLogRateLimiter(limit, TimeSpan.FromSeconds(1), time);
        var grants = new List<long>();
        foreach (var gap in gaps)
        {
            time.Advance(TimeSpan.FromMilliseconds(gap % 700));
            if (limiter.AttemptAcquire().IsAcquired)
            {
                grants.Add(time.GetTimestamp());
            }
        }

        // Any one-second window holding limit + 1 grants would hold grant i and grant i + limit.
        return grants.Zip(grants.Skip(limit)).All(p => p.Second - p.First >= TimeSpan.TicksPerSecond);
    }
}
