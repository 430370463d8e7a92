namespace ActorGateway.Cluster.Hosting;

/// <summary>
/// The key of the account shard region (or its proxy, on a node without accounts) in Akka.Hosting's registry:
/// <c>registry.Get&lt;AccountRegion&gt;()</c>, or <c>IRequiredActor&lt;AccountRegion&gt;</c>.
/// </summary>
public sealed class AccountRegion
{
    private AccountRegion()
    {
    }

    /// <summary>The sharded entity type's name.</summary>
    public const string TypeName = "account";

    /// <summary>The cluster role of the nodes that host accounts; nodes without it reach them through a proxy.</summary>
    public const string HostRole = "accounts";
}
