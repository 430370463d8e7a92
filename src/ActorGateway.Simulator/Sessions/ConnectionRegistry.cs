using System.Collections.Concurrent;

namespace ActorGateway.Simulator.Sessions;

/// <summary>The open connections of one server; written by the accept loop and each connection's end.</summary>
internal sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<long, Connection> _open = new();
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    public int Count => _open.Count;

    public void Add(Connection connection) => _open[connection.Id] = connection;

    public void Remove(Connection connection)
    {
        _open.TryRemove(connection.Id, out _);
        lock (_gate)
        {
            var count = _open.Count;
            _waiters.RemoveAll(w => w.Count >= count && w.Signal.TrySetResult());
        }
    }

    /// <summary>Completes once at most <paramref name="count"/> connections are open.</summary>
    public Task WhenAtMostAsync(int count, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_open.Count <= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(cancellationToken);
        }
    }

    public void PostToAll(ConnectionCommand command)
    {
        foreach (var connection in _open.Values)
        {
            connection.Post(command);
        }
    }
}
