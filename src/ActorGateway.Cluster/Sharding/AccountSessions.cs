using System.Globalization;
using ActorGateway.Session;
using Akka.Actor;

namespace ActorGateway.Cluster.Sharding;

/// <summary>
/// Makes the session of an account entity, as the entity's child: the application's options for the account (credentials,
/// hosts), under a gateway name of its own per incarnation, so the logs and metrics of an entity that comes back to this
/// node tell its sessions apart.
/// </summary>
public sealed class AccountSessions
{
    private readonly Func<long, SessionOptions> _optionsFor;
    private long _incarnations;

    /// <summary>Creates the factory.</summary>
    /// <param name="optionsFor">The session options of an account; called once per entity start, and must return a new
    /// instance each time (its gateway name is set here).</param>
    public AccountSessions(Func<long, SessionOptions> optionsFor)
    {
        _optionsFor = optionsFor ?? throw new ArgumentNullException(nameof(optionsFor));
    }

    /// <summary>
    /// Creates the account's session as a child of <paramref name="entity"/>, without blocking a thread while its actors
    /// start (a node starting many accounts at once would otherwise starve the thread pool, heartbeats included); it
    /// connects on its first request. Call it on the entity's turn: everything up to the first await, the child's creation
    /// included, runs before this returns.
    /// </summary>
    /// <exception cref="ArgumentException">The options are not valid (the task fails with it).</exception>
    internal async Task<AccountSession> CreateAsync(long accountId, IActorContext entity)
    {
        var options = _optionsFor(accountId);
        var incarnation = Interlocked.Increment(ref _incarnations);
        options.Gateway.Name = string.Create(CultureInfo.InvariantCulture, $"account-{accountId}-{incarnation}");
        var session = await GatewaySession.CreateAsync(entity, options).ConfigureAwait(false);
        return new AccountSession(session, options.Gateway.RequestTimeout);
    }
}

/// <summary>An entity's session and the timeout its requests get when they bring none.</summary>
internal sealed record AccountSession(GatewaySession Session, TimeSpan RequestTimeout);
