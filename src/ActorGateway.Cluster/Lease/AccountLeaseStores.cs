using Akka.Actor;

namespace ActorGateway.Cluster.Lease;

/// <summary>
/// The lease store of one actor system: one connection pool shared by all its shards' leases, closed when the system
/// terminates. Reached through <see cref="Get"/>.
/// </summary>
public sealed class AccountLeaseStores : IExtension
{
    internal AccountLeaseStores(ExtendedActorSystem system)
    {
        var setup = system.Settings.Setup.Get<AccountLeaseSetup>();
        if (!setup.HasValue)
        {
            throw new InvalidOperationException(
                "This actor system has no account lease: set AccountClusterOptions.Lease to use the PostgreSQL lease.");
        }

        Store = new PostgresLeaseStore(setup.Value.Options);
        system.RegisterOnTermination(() => Store.DisposeAsync().AsTask().Wait(Store.Options.OperationTimeout));
    }

    internal PostgresLeaseStore Store { get; }

    /// <summary>The lease options in use (the connection string included: do not log it; <c>ToString</c> hides it).</summary>
    public AccountLeaseOptions Options => Store.Options;

    /// <summary>Every lease row as the database sees it now (bounded by the operation timeout): for diagnostics and the soak.</summary>
    public Task<IReadOnlyList<LeaseRow>> ReadAllAsync(CancellationToken cancellationToken = default) =>
        Store.ReadAllAsync(cancellationToken);

    /// <summary>The extension of <paramref name="system"/>.</summary>
    /// <exception cref="InvalidOperationException">The system was not set up with an account lease.</exception>
    public static AccountLeaseStores Get(ActorSystem system) =>
        system.WithExtension<AccountLeaseStores, AccountLeaseStoresProvider>();
}
