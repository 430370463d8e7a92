using ActorGateway.Protocol;
using ActorGateway.Publishing;
using Google.Protobuf;

namespace ActorGateway.Cli.Bench;

/// <summary>A fan-out subscriber that only counts, so the figure is the cost of getting events to it.</summary>
internal sealed class FanOutCounter
{
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _count;
    private Waiter? _waiter;

    public Task FirstEvent => _first.Task;

    public long Count => Volatile.Read(ref _count);

    /// <summary>Completes once <paramref name="target"/> events have been counted (one waiter at a time).</summary>
    public Task ReachedAsync(long target)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _waiter, new Waiter(target, signal));
        if (Count >= target)
        {
            signal.TrySetResult();
        }

        return signal.Task;
    }

    /// <summary>Events reported lost to this subscriber by gap notices.</summary>
    public long Lost { get; private set; }

    public void OnItem(StreamItem<IMessage> item)
    {
        if (item.IsMessage)
        {
            On(default);
        }
        else if (item.Notice is EventsLost { Reason: GapReason.Overflow, Count: { } lost })
        {
            Lost += lost;
        }
    }

    public void On(in OpenApiMessage message)
    {
        var count = Interlocked.Increment(ref _count);
        if (count == 1)
        {
            _first.TrySetResult();
        }

        if (Volatile.Read(ref _waiter) is { } waiter && count >= waiter.Target)
        {
            waiter.Signal.TrySetResult();
        }
    }

    private sealed record Waiter(long Target, TaskCompletionSource Signal);
}
