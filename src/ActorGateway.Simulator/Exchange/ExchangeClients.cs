using ActorGateway.Simulator.Sessions;
using Google.Protobuf;

namespace ActorGateway.Simulator.Exchange;

/// <summary>The connections the exchange has heard from, and the way replies and events go back to them.</summary>
internal sealed class ExchangeClients
{
    private readonly Dictionary<Connection, ClientState> _clients = [];

    public IEnumerable<ClientState> All => _clients.Values;

    public ClientState Of(Connection connection)
    {
        if (!_clients.TryGetValue(connection, out var client))
        {
            client = new ClientState(connection);
            _clients[connection] = client;
        }

        return client;
    }

    public void Remove(Connection connection) => _clients.Remove(connection);

    public static void Reply(ClientState client, IMessage message, string? clientMsgId) =>
        client.Connection.Post(new ConnectionCommand.Send(message, clientMsgId));

    /// <summary>Sends a message to every connection where the account is authorized.</summary>
    public void Broadcast(long accountId, IMessage message, string? clientMsgId)
    {
        foreach (var client in _clients.Values)
        {
            if (client.Accounts.ContainsKey(accountId))
            {
                Reply(client, message, clientMsgId);
            }
        }
    }
}
