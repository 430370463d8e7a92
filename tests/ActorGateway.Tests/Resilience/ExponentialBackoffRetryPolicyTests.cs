using ActorGateway.Resilience;

namespace ActorGateway.Tests.Resilience;

public sealed class ExponentialBackoffRetryPolicyTests
{
    private static readonly Exception Reason = new GatewayConnectionException(ConnectionFailureKind.ConnectFailed, "refused");

    [Fact]
    public void Ceiling_doubles_per_attempt_up_to_the_cap()
    {
        var policy = new ExponentialBackoffRetryPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        Assert.Equal([1, 2, 4, 8, 10, 10], Enumerable.Range(0, 6).Select(n => policy.Ceiling(n).TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(10), policy.Ceiling(int.MaxValue));
    }

    [Fact]
    public void NextRetryDelay_is_spread_over_the_whole_range_below_the_ceiling()
    {
        var policy = new ExponentialBackoffRetryPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), random: new Random(7));

        var context = new RetryContext(3, TimeSpan.Zero, Reason);
        var delays = Enumerable.Range(0, 1000).Select(_ => policy.NextRetryDelay(context)!.Value).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(8)));
        Assert.Contains(delays, d => d < TimeSpan.FromSeconds(1)); // full jitter reaches down to zero...
        Assert.Contains(delays, d => d > TimeSpan.FromSeconds(7)); // ...and up to the ceiling
    }

    [Fact]
    public void NextRetryDelay_gives_up_after_the_maximum_attempts()
    {
        var policy = new ExponentialBackoffRetryPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), maxAttempts: 2);

        Assert.NotNull(policy.NextRetryDelay(new RetryContext(1, TimeSpan.Zero, Reason)));
        Assert.Null(policy.NextRetryDelay(new RetryContext(2, TimeSpan.Zero, Reason)));
    }

    [Fact]
    public void Constructor_with_a_cap_below_the_first_delay_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new ExponentialBackoffRetryPolicy(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1)));
    }
}
