using ActorGateway.Correlation;

namespace ActorGateway.Session;

/// <summary>
/// The session's stash: what arrives while it is not ready (connecting, authenticating, restoring), kept in order and
/// handled in that order once it is. Unlike Akka's own stash it can be swept, so a held request still ends at its own
/// deadline however long the connection stays away.
/// </summary>
internal sealed class RequestStash
{
    private readonly Queue<Held> _held = new();

    public int Count => _held.Count;

    public void Add(Held held) => _held.Enqueue(held);

    /// <summary>Takes everything held, oldest first.</summary>
    public Held[] TakeAll()
    {
        var all = _held.ToArray();
        _held.Clear();
        return all;
    }

    /// <summary>Times out the held requests whose deadline is at or before <paramref name="now"/>, and forgets ended ones.</summary>
    public static void Sweep(Queue<Held> queue, long now)
    {
        for (var n = queue.Count; n > 0; n--)
        {
            var held = queue.Dequeue();
            if (held.Message is IPendingRequest request)
            {
                if (request.Deadline <= now)
                {
                    request.TryTimeOut(null);
                }

                if (request.IsCompleted)
                {
                    continue;
                }
            }

            queue.Enqueue(held);
        }
    }

    public void Sweep(long now) => Sweep(_held, now);
}
