namespace ActorGateway.Simulator.Admission;

/// <summary>
/// Admission to TLS handshakes: at most a fixed number run at once, the next ones wait in arrival order in a queue of
/// bounded length, and a connection that finds the queue full is refused. A handshake is the costliest thing a client
/// can make the server do before saying a single word of the protocol; the gate bounds how many a storm can have under
/// way, and what waits beyond them. Also counts the connections still waiting for their client's first byte, which hold
/// no slot.
/// </summary>
internal sealed class HandshakeGate(int maxConcurrent, int maxQueued)
{
    private readonly Lock _gate = new();
    private readonly Queue<TaskCompletionSource> _queue = new();
    private readonly List<(HandshakeCounts Wanted, TaskCompletionSource Signal)> _waiters = [];
    private int _notStarted;
    private int _inProgress;
    private int _queued;

    /// <summary>How many connections are at each stage now.</summary>
    public HandshakeCounts Counts
    {
        get
        {
            lock (_gate)
            {
                return new HandshakeCounts(_notStarted, _inProgress, _queued);
            }
        }
    }

    /// <summary>A connection began waiting for its client's first byte (it holds no slot meanwhile).</summary>
    public void NotStartedAdded() => Change(ref _notStarted, +1);

    public void NotStartedRemoved() => Change(ref _notStarted, -1);

    /// <summary>
    /// Takes a slot, waiting in the queue for one if need be. False, at once, when the queue is full. Each true must be
    /// matched by one <see cref="Release"/>; a cancelled wait holds nothing.
    /// </summary>
    public async ValueTask<bool> TryEnterAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource turn;
        lock (_gate)
        {
            if (_inProgress < maxConcurrent)
            {
                _inProgress++;
                SignalWaitersLocked();
                return true;
            }

            if (_queued >= maxQueued)
            {
                return false;
            }

            turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _queue.Enqueue(turn);
            _queued++;
            SignalWaitersLocked();
        }

        try
        {
            await turn.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                if (turn.TrySetCanceled(cancellationToken))
                {
                    // Still queued: its entry stays behind in the queue, and Release skips it.
                    _queued--;
                    SignalWaitersLocked();
                }
                else
                {
                    // Handed a slot just as the wait was given up: pass it on.
                    ReleaseLocked();
                }
            }

            throw;
        }
    }

    /// <summary>Gives a slot back: to the longest-waiting queued handshake, or free.</summary>
    public void Release()
    {
        lock (_gate)
        {
            ReleaseLocked();
        }
    }

    /// <summary>Completes once every stage holds at least the count <paramref name="wanted"/> gives it.</summary>
    public Task WaitForAsync(HandshakeCounts wanted, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (new HandshakeCounts(_notStarted, _inProgress, _queued).Covers(wanted))
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((wanted, signal));
            return signal.Task.WaitAsync(cancellationToken);
        }
    }

    private void ReleaseLocked()
    {
        while (_queue.TryDequeue(out var next))
        {
            if (next.TrySetResult())
            {
                // The slot goes straight to the next handshake: the number in progress stays the same.
                _queued--;
                SignalWaitersLocked();
                return;
            }
        }

        _inProgress--;
        SignalWaitersLocked();
    }

    private void Change(ref int stage, int delta)
    {
        lock (_gate)
        {
            stage += delta;
            SignalWaitersLocked();
        }
    }

    private void SignalWaitersLocked()
    {
        if (_waiters.Count == 0)
        {
            return;
        }

        var now = new HandshakeCounts(_notStarted, _inProgress, _queued);
        _waiters.RemoveAll(w => now.Covers(w.Wanted) && w.Signal.TrySetResult());
    }
}
