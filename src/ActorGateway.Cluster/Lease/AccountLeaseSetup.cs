using Akka.Actor.Setup;

namespace ActorGateway.Cluster.Lease;

/// <summary>
/// Hands the lease options to the actor system as a setup object rather than as HOCON, so the connection string (with its
/// password) never sits in the system's configuration, which Akka can print.
/// </summary>
internal sealed class AccountLeaseSetup : Setup
{
    public AccountLeaseSetup(AccountLeaseOptions options) => Options = options;

    public AccountLeaseOptions Options { get; }
}
