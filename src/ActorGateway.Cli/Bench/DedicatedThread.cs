using System.Collections.Concurrent;

namespace ActorGateway.Cli.Bench;

/// <summary>A thread of its own, outside the thread pool, that runs the work handed to it one item at a time, in order.</summary>
internal sealed class DedicatedThread : IDisposable
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread _thread;

    public DedicatedThread(string name)
    {
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Queues <paramref name="work"/> to the thread; the task completes with its result or its exception.</summary>
    public Task<T> RunAsync<T>(Func<T> work)
    {
        // Continuations go to the pool: run inline, whatever awaits this would go on running on this thread.
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        });
        return done.Task;
    }

    /// <summary>Lets the queued work finish, then ends the thread.</summary>
    public void Dispose()
    {
        _work.CompleteAdding();
        _thread.Join();
        _work.Dispose();
    }

    private void Run()
    {
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }
    }
}
