using Akka.TestKit;

namespace ActorGateway.TestKit;

/// <summary>
/// A clock that moves only when a test says so. Timers (and so <c>Task.Delay</c>, <c>WaitAsync</c> and
/// <c>CancellationTokenSource</c> given this provider) fire during <see cref="Advance"/>, in due-time order, on the
/// advancing thread. Heartbeats, backoff and deadlines are tested by advancing this clock, never by sleeping.
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _timerWaiters = [];
    private readonly List<(TestScheduler Scheduler, TimeSpan Offset)> _schedulers = [];
    private DateTimeOffset _now;
    private long _sequence;

    /// <summary>Creates a clock starting at <paramref name="start"/> (default 2026-01-05 08:00 UTC, a Monday).</summary>
    public FakeTimeProvider(DateTimeOffset? start = null)
    {
        _now = start ?? new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>The number of timers scheduled to fire.</summary>
    public int PendingTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => t.DueAt is not null);
            }
        }
    }

    /// <summary>
    /// Completes once at least <paramref name="count"/> timers are scheduled: the way to know an actor has armed its
    /// heartbeat or backoff timer before the test advances the clock past it.
    /// </summary>
    public Task WaitForPendingTimersAsync(int count = 1)
    {
        lock (_gate)
        {
            if (_timers.Count(t => t.DueAt is not null) >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _timerWaiters.Add((count, signal));
            return signal.Task;
        }
    }

    /// <summary>
    /// Makes Akka's virtual scheduler follow this clock: every <see cref="Advance"/> moves <paramref name="scheduler"/> too,
    /// so an actor's timers (<c>IWithTimers</c>) and the timestamps it reads from this provider agree.
    /// </summary>
    public void Drive(TestScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        lock (_gate)
        {
            _schedulers.Add((scheduler, scheduler.Now - _now));
        }
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, each at its own due time.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }

        while (true)
        {
            FakeTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.DueAt <= target).OrderBy(t => t.DueAt).ThenBy(t => t.Sequence).FirstOrDefault();
                if (next is null)
                {
                    _now = target;
                }
                else
                {
                    _now = next.DueAt!.Value;
                    next.DueAt = next.Period is { } period ? _now + period : null;
                }
            }

            MoveSchedulers();
            if (next is null)
            {
                return;
            }

            next.Fire();
        }
    }

    private void MoveSchedulers()
    {
        List<(TestScheduler Scheduler, DateTimeOffset To)> moves;
        lock (_gate)
        {
            moves = [.. _schedulers.Select(s => (s.Scheduler, _now + s.Offset))];
        }

        foreach (var (scheduler, to) in moves)
        {
            if (to > scheduler.Now)
            {
                scheduler.AdvanceTo(to);
            }
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(FakeTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        List<TaskCompletionSource> ready = [];
        lock (_gate)
        {
            timer.Sequence = ++_sequence;
            timer.DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _now + dueTime;
            timer.Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
            if (!_timers.Contains(timer))
            {
                _timers.Add(timer);
            }

            var scheduled = _timers.Count(t => t.DueAt is not null);
            foreach (var waiter in _timerWaiters.Where(w => w.Count <= scheduled).ToList())
            {
                _timerWaiters.Remove(waiter);
                ready.Add(waiter.Signal);
            }
        }

        ready.ForEach(s => s.TrySetResult());
    }

    private void Remove(FakeTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan? Period { get; set; }

        public long Sequence { get; set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
