using Akka.Actor;
using Microsoft.Extensions.Logging;

namespace ActorGateway.State;

/// <summary>
/// Task code's handle on an account's mirror (from <see cref="Session.IGatewaySession.MirrorAccountAsync"/>): the
/// account's positions, working orders and balance, kept current by the mirror actor (<see cref="Actor"/>, for actors:
/// Tell it <see cref="GetAccountSnapshot"/> or <see cref="SubscribeStateChanges"/>).
/// </summary>
public sealed class AccountMirror
{
    private readonly ActorSystem _system;
    private readonly TimeSpan _timeout;
    private readonly ILogger _log;

    internal AccountMirror(long accountId, IActorRef actor, ActorSystem system, TimeSpan timeout, ILogger log)
    {
        AccountId = accountId;
        Actor = actor;
        _system = system;
        _timeout = timeout;
        _log = log;
    }

    /// <summary>The account mirrored.</summary>
    public long AccountId { get; }

    /// <summary>The mirror actor.</summary>
    public IActorRef Actor { get; }

    /// <summary>The account as the mirror holds it now (see <see cref="AccountSnapshot.InSync"/>).</summary>
    /// <exception cref="GatewayTimeoutException">The mirror did not answer within the session's request timeout.</exception>
    public Task<AccountSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default) =>
        StateQuery.AskAsync<AccountSnapshot>(Actor, GetAccountSnapshot.Now, "The account mirror", _timeout, cancellationToken);

    /// <summary>
    /// Completes once everything the server sent before the call has been applied: after an order's reply, the snapshot
    /// that follows shows it.
    /// </summary>
    /// <exception cref="GatewayException">The marker request failed (no connection within the session's request timeout).</exception>
    public Task CatchUpAsync(CancellationToken cancellationToken = default) =>
        StateQuery.AskAsync<CaughtUp>(Actor, CatchUp.Instance, "The account mirror", _timeout, cancellationToken);

    /// <summary>
    /// Hands every change from the moment the returned task completes to <paramref name="callback"/>: <see cref="PositionOpened"/>,
    /// <see cref="PositionChanged"/>, <see cref="PositionClosed"/>, <see cref="OrderChanged"/>, <see cref="BalanceChanged"/>,
    /// <see cref="MirrorInSync"/> and <see cref="MirrorOutOfSync"/>, in order, never two at once, on an actor of its own.
    /// </summary>
    /// <exception cref="GatewayTimeoutException">The subscription was not in place within the session's request timeout.</exception>
    public Task<ChangeWatch> WatchAsync(Action<StateChange> callback, CancellationToken cancellationToken = default) =>
        ChangeWatch.StartAsync(_system, Actor, callback, _log, _timeout, cancellationToken);
}
