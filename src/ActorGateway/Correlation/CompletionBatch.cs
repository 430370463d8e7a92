using System.Collections.Concurrent;

namespace ActorGateway.Correlation;

/// <summary>A Task caller's outcome, decided on the actor's turn and delivered later, off it.</summary>
internal interface IDeferredCompletion
{
    /// <summary>Completes the caller's task; its continuations may run inline, on the delivering thread.</summary>
    public void Deliver();
}

/// <summary>
/// The Task callers' completions decided during one turn of the connection actor, delivered together by one thread-pool
/// work item. Their continuations then run there one after another, never on the actor's thread, and the next requests
/// they make reach the actor together and leave in one write; one pool item per completion made each caller's next
/// request go out alone. A continuation that blocks delays the others of its batch.
/// </summary>
internal sealed class CompletionBatch : IThreadPoolWorkItem
{
    private static readonly ConcurrentQueue<CompletionBatch> Spare = new();

    [ThreadStatic]
    private static bool t_gathering;

    [ThreadStatic]
    private static CompletionBatch? t_current;

    private readonly List<IDeferredCompletion> _items = [];

    /// <summary>From now until <see cref="Dispatch"/>, completions decided on this thread are gathered.</summary>
    public static void Gather() => t_gathering = true;

    /// <summary>Sends what was gathered on this thread to the pool, as one work item.</summary>
    public static void Dispatch()
    {
        t_gathering = false;
        if (t_current is { } batch)
        {
            t_current = null;
            ThreadPool.UnsafeQueueUserWorkItem(batch, preferLocal: false);
        }
    }

    /// <summary>
    /// Delivers what was gathered on this thread here and now. Only for shutdown: whoever disposes the gateway must find
    /// every request ended when the disposal returns, and the actor has nothing else left to do.
    /// </summary>
    public static void DeliverHere()
    {
        if (t_current is { } batch)
        {
            t_current = null;
            batch.Execute();
        }
    }

    /// <summary>Gathers <paramref name="completion"/>, or, outside a gathering turn, delivers it from a pool item of its own.</summary>
    public static void Defer(IDeferredCompletion completion)
    {
        if (!t_gathering)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static c => c.Deliver(), completion, preferLocal: false);
            return;
        }

        t_current ??= Spare.TryDequeue(out var spare) ? spare : new CompletionBatch();
        t_current._items.Add(completion);
    }

    public void Execute()
    {
        foreach (var item in _items)
        {
            item.Deliver();
        }

        _items.Clear();
        Spare.Enqueue(this);
    }
}
