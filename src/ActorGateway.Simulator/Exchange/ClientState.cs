using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Sessions;

namespace ActorGateway.Simulator.Exchange;

/// <summary>What the exchange knows about one connection: its authorized accounts and its market-data subscriptions.</summary>
internal sealed class ClientState(Connection connection)
{
    public Connection Connection { get; } = connection;

    /// <summary>Authorized accounts, with the access token each was authorized with.</summary>
    public Dictionary<long, string> Accounts { get; } = [];

    /// <summary>Spot subscriptions; the value says whether events carry a timestamp.</summary>
    public Dictionary<(long Account, long Symbol), bool> Spots { get; } = [];

    public HashSet<(long Account, long Symbol, ProtoOATrendbarPeriod Period)> LiveTrendbars { get; } = [];

    public HashSet<(long Account, long Symbol)> Depth { get; } = [];

    /// <summary>Ends one account's session on this connection, with its subscriptions.</summary>
    public void RemoveAccount(long accountId)
    {
        Accounts.Remove(accountId);
        foreach (var key in Spots.Keys.Where(k => k.Account == accountId).ToList())
        {
            Spots.Remove(key);
        }

        LiveTrendbars.RemoveWhere(k => k.Account == accountId);
        Depth.RemoveWhere(k => k.Account == accountId);
    }
}
