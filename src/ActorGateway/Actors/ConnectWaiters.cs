using ActorGateway.Correlation;

namespace ActorGateway.Actors;

/// <summary>The connect calls waiting for a connection; each ends once, when connected, given up, or at its deadline.</summary>
internal sealed class ConnectWaiters
{
    private readonly List<Connect> _waiting = [];

    public void Add(Connect connect) => _waiting.Add(connect);

    public void Connected()
    {
        _waiting.ForEach(w => w.Waiter.TrySetResult());
        _waiting.Clear();
    }

    public void Fail(Exception error)
    {
        _waiting.ForEach(w => w.Waiter.TrySetException(error));
        _waiting.Clear();
    }

    /// <summary>A connect call waits through failed attempts, but not for ever: at its deadline it learns why they failed.</summary>
    public void Sweep(long now, GatewayConnectionException? lastFailure)
    {
        foreach (var waiter in _waiting.Where(w => w.Deadline <= now))
        {
            waiter.Waiter.TrySetException(RequestErrors.TimedOut("Connecting", waiter.Timeout, written: false, lastFailure));
        }

        _waiting.RemoveAll(w => w.Deadline <= now);
    }
}
