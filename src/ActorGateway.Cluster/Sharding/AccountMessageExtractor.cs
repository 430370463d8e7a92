using System.Globalization;
using ActorGateway.Cluster.Messages;
using Akka.Cluster.Sharding;

namespace ActorGateway.Cluster.Sharding;

/// <summary>
/// Routes <see cref="AccountEnvelope"/>s, <see cref="StartAccount"/>s, <see cref="SubscribeAccount"/>s and
/// <see cref="UnsubscribeAccount"/>s to the entity named by the account id (sharding's own start messages it handles by
/// itself). The shard is the account id modulo the shard count: a pure function of the id, so every node, of any version,
/// computes the same one (a string hash code would differ between processes).
/// </summary>
public sealed class AccountMessageExtractor : IMessageExtractor
{
    private readonly int _shards;

    /// <summary>Creates the extractor.</summary>
    /// <param name="shards">How many shards the accounts are spread over; the same on every node, and never changed while a
    /// cluster runs (about ten times the most nodes expected).</param>
    public AccountMessageExtractor(int shards)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shards);
        _shards = shards;
    }

    /// <inheritdoc />
    public string? EntityId(object message) => message switch
    {
        AccountEnvelope e => e.AccountId.ToString(CultureInfo.InvariantCulture),
        StartAccount s => s.AccountId.ToString(CultureInfo.InvariantCulture),
        SubscribeAccount s => s.AccountId.ToString(CultureInfo.InvariantCulture),
        UnsubscribeAccount u => u.AccountId.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <inheritdoc />
    public object? EntityMessage(object message) => message;

    /// <inheritdoc />
    [Obsolete("Sharding calls ShardId(string, object) since 1.5.15; kept because the interface still declares it.")]
    public string? ShardId(object message) => EntityId(message) is { } id ? ShardId(id, message) : null;

    /// <inheritdoc />
    public string ShardId(string entityId, object? messageHint = null)
    {
        // Only this extractor names entities; an id that is not a number (a hand-made sharding start message) lands in shard 0, where
        // its entity refuses to start.
        if (!long.TryParse(entityId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var account))
        {
            return "0";
        }

        return ((account % _shards + _shards) % _shards).ToString(CultureInfo.InvariantCulture);
    }
}
