using System.Threading.RateLimiting;

namespace ActorGateway.Throttling;

/// <summary>
/// A sliding-log limiter: it remembers when each of the last N permits was granted and grants another only when fewer
/// than N were granted in the window ending now. So no window of that length, wherever it starts, ever holds more
/// than N grants, and a caller that asks again after <see cref="MetadataName.RetryAfter"/> is served at exactly N per
/// window. Reads time from a <see cref="TimeProvider"/>, so tests drive it with a fake clock.
/// </summary>
internal sealed class SlidingWindowLogRateLimiter : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(true, null);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly long _windowTicks;
    private readonly long[] _grants; // ring of grant timestamps, oldest at _oldest
    private int _oldest;
    private int _count;
    private int _unsent; // the newest grants not yet restamped by MarkSent

    public SlidingWindowLogRateLimiter(int permitLimit, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitLimit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _time = time;
        _windowTicks = (long)(window.TotalSeconds * time.TimestampFrequency);
        _grants = new long[permitLimit];
    }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                return _count == 0 ? null : _time.GetElapsedTime(_grants[(_oldest + _count - 1) % _grants.Length]);
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = _grants.Length - CountRecent(_time.GetTimestamp()) };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _grants.Length);
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var recent = CountRecent(now);
            var excess = recent + permitCount - _grants.Length;
            if (excess > 0)
            {
                // The grant that must leave the window first is the excess-th of the recent ones, counting from the oldest.
                var blocking = _grants[(_oldest + (_count - recent) + excess - 1) % _grants.Length];
                var wait = TimeSpan.FromSeconds((double)(blocking + _windowTicks - now) / _time.TimestampFrequency);
                return new Lease(false, wait);
            }

            for (var i = 0; i < permitCount; i++)
            {
                Record(now);
            }

            return Granted;
        }
    }

    /// <summary>How many of the newest grants have not yet been marked sent.</summary>
    public int Unsent
    {
        get
        {
            lock (_gate)
            {
                return Math.Min(_unsent, _count);
            }
        }
    }

    /// <summary>
    /// Moves the grants made since the last call to <paramref name="timestamp"/>, when what they allowed left for the
    /// server. The server counts a request when it arrives; a burst can take tens of milliseconds to leave a busy
    /// machine, and a window counted from the grants would then end before the server's.
    /// </summary>
    public void MarkSent(long timestamp) => MarkSent(timestamp, int.MaxValue);

    /// <summary>
    /// Moves the oldest <paramref name="grants"/> of the grants not yet marked to <paramref name="timestamp"/>: those
    /// that left in one write, while the grants made during that write wait for the write that carries them.
    /// </summary>
    public void MarkSent(long timestamp, int grants)
    {
        lock (_gate)
        {
            var unsent = Math.Min(_unsent, _count);
            var marked = Math.Min(grants, unsent);
            for (var i = 0; i < marked; i++)
            {
                ref var grant = ref _grants[(_oldest + _count - unsent + i) % _grants.Length];
                grant = Math.Max(grant, timestamp);
            }

            _unsent = unsent - marked;
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        // Waiters are not queued: each retries after the wait it was told. The gateway only ever calls AttemptAcquire.
        while (true)
        {
            var lease = AttemptAcquireCore(permitCount);
            if (lease.IsAcquired || !lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
            {
                return lease;
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private int CountRecent(long now)
    {
        var horizon = now - _windowTicks;
        var expired = 0;
        while (expired < _count && _grants[(_oldest + expired) % _grants.Length] <= horizon)
        {
            expired++;
        }

        return _count - expired;
    }

    private void Record(long now)
    {
        _unsent = Math.Min(_unsent + 1, _grants.Length);
        if (_count < _grants.Length)
        {
            _grants[(_oldest + _count++) % _grants.Length] = now;
        }
        else
        {
            _grants[_oldest] = now;
            _oldest = (_oldest + 1) % _grants.Length;
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
