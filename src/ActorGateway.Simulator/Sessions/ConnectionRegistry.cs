using System.Collections.Concurrent;

namespace ActorGateway.Simulator.Sessions;

/// <summary>The open connections of one server; written by the accept loop and each connection's end.</summary>
internal sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<long, Connection> _open = new();

    public int Count => _open.Count;

    public void Add(Connection connection) => _open[connection.Id] = connection;

    public void Remove(Connection connection) => _open.TryRemove(connection.Id, out _);

    public void PostToAll(ConnectionCommand command)
    {
        foreach (var connection in _open.Values)
        {
            connection.Post(command);
        }
    }
}
