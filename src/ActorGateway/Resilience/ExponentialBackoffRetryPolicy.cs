namespace ActorGateway.Resilience;

/// <summary>
/// Exponential backoff with full jitter: attempt n waits a uniformly random time between zero and
/// min(<c>maxDelay</c>, <c>initialDelay</c> × 2ⁿ), so many clients cut off together do not all come back together.
/// </summary>
public sealed class ExponentialBackoffRetryPolicy : IRetryPolicy
{
    private readonly TimeSpan _initialDelay;
    private readonly TimeSpan _maxDelay;
    private readonly int? _maxAttempts;
    private readonly Random _random;

    /// <summary>Creates the policy.</summary>
    /// <param name="initialDelay">The ceiling of the first delay.</param>
    /// <param name="maxDelay">The largest ceiling.</param>
    /// <param name="maxAttempts">Stop after this many failed attempts; null never stops.</param>
    /// <param name="random">The source of jitter (default: <see cref="Random.Shared"/>); tests pass a seeded one.</param>
    public ExponentialBackoffRetryPolicy(TimeSpan initialDelay, TimeSpan maxDelay, int? maxAttempts = null, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initialDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, initialDelay);
        _initialDelay = initialDelay;
        _maxDelay = maxDelay;
        _maxAttempts = maxAttempts;
        _random = random ?? Random.Shared;
    }

    /// <inheritdoc />
    public TimeSpan? NextRetryDelay(RetryContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.PreviousRetryCount >= _maxAttempts)
        {
            return null;
        }

        return Ceiling(context.PreviousRetryCount) * _random.NextDouble();
    }

    /// <summary>The largest delay attempt <paramref name="retryCount"/> can get.</summary>
    public TimeSpan Ceiling(int retryCount)
    {
        // Past 2^30 the ceiling is long since capped; stopping the doubling there keeps the arithmetic finite.
        var factor = Math.Pow(2, Math.Min(retryCount, 30));
        var ticks = Math.Min(_maxDelay.Ticks, _initialDelay.Ticks * factor);
        return TimeSpan.FromTicks((long)ticks);
    }
}
