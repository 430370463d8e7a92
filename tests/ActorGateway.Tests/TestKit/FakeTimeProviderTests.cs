using ActorGateway.TestKit;

namespace ActorGateway.Tests.TestKit;

public sealed class FakeTimeProviderTests
{
    [Fact]
    public void Advance_fires_due_timers_in_due_time_order_each_at_its_own_time()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var fired = new List<(string Name, TimeSpan At)>();
        var never = Timeout.InfiniteTimeSpan;
        using var late = time.CreateTimer(_ => fired.Add(("late", time.GetUtcNow() - start)), null, TimeSpan.FromSeconds(3), never);
        using var early = time.CreateTimer(_ => fired.Add(("early", time.GetUtcNow() - start)), null, TimeSpan.FromSeconds(1), never);

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal([("early", TimeSpan.FromSeconds(1))], fired);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal([("early", TimeSpan.FromSeconds(1)), ("late", TimeSpan.FromSeconds(3))], fired);
        Assert.Equal(start + TimeSpan.FromSeconds(4), time.GetUtcNow());
    }

    [Fact]
    public void Advance_fires_a_periodic_timer_once_per_period_until_disposed()
    {
        var time = new FakeTimeProvider();
        var count = 0;
        var timer = time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        time.Advance(TimeSpan.FromSeconds(3.5));
        timer.Dispose();
        time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(3, count);
        Assert.Equal(0, time.PendingTimerCount);
    }

    [Fact]
    public async Task WaitForPendingTimersAsync_completes_when_a_timer_is_scheduled_and_Delay_completes_on_advance()
    {
        var time = new FakeTimeProvider();
        var waiting = time.WaitForPendingTimersAsync();
        Assert.False(waiting.IsCompleted);

        var delay = Task.Delay(TimeSpan.FromMinutes(1), time);
        await waiting.OrTimeout();
        Assert.False(delay.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(1));

        await delay.OrTimeout();
    }

    [Fact]
    public void GetElapsedTime_follows_the_clock()
    {
        var time = new FakeTimeProvider();
        var started = time.GetTimestamp();

        time.Advance(TimeSpan.FromMilliseconds(1500));

        Assert.Equal(TimeSpan.FromMilliseconds(1500), time.GetElapsedTime(started));
        Assert.Throws<ArgumentOutOfRangeException>(() => time.Advance(TimeSpan.FromSeconds(-1)));
    }
}
