namespace ActorGateway.Cli.Soak;

/// <summary>A count that can be awaited: a waiter is released as soon as the count reaches its target.</summary>
internal sealed class ProgressCounter
{
    private readonly Lock _gate = new();
    private readonly List<(long Target, TaskCompletionSource Reached)> _waiters = [];
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Increment()
    {
        var value = Interlocked.Increment(ref _value);
        lock (_gate)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Target <= value)
                {
                    _waiters[i].Reached.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>True once the count is at least <paramref name="target"/>; false if <paramref name="bound"/> passed first.</summary>
    public async Task<bool> WaitForAsync(long target, TimeSpan bound)
    {
        TaskCompletionSource reached;
        lock (_gate)
        {
            if (Value >= target)
            {
                return true;
            }

            reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((target, reached));
        }

        try
        {
            await reached.Task.WaitAsync(bound).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return Value >= target;
        }
    }
}
