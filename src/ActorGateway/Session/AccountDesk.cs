using ActorGateway.Actors;
using ActorGateway.Correlation;
using ActorGateway.Diagnostics;
using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using Akka.Actor;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Session;

/// <summary>
/// The session actor's accounts: which are authorized on its connection, which are being authorized, which wait for
/// new tokens, which cannot be used and why, and the requests parked until their account is ready. Requests naming an
/// authorized account (or none) go straight to the connection, bound to it. Called on the session actor's turn only.
/// </summary>
internal sealed class AccountDesk(AccountDesk.Parts parts)
{
    private readonly Dictionary<long, AccountEntry> _accounts = [];
    private readonly Queue<long> _restoreQueue = new();
    private long? _restoring; // the account the restore is working on

    /// <summary>The connection the session authenticated; 0 while it has none.</summary>
    public int Epoch { get; set; }

    public int Count => _accounts.Count;

    /// <summary>
    /// Starts restoring every usable account, one at a time in the order they became known, so the restore's traffic
    /// reads as the steps it is; true when there is nothing to restore.
    /// </summary>
    public bool StartRestore()
    {
        _restoreQueue.Clear();
        foreach (var (id, entry) in _accounts)
        {
            if (entry.Error is null || entry.ErrorClears)
            {
                _restoreQueue.Enqueue(id);
            }
        }

        return RestoreNext(null);
    }

    /// <summary>Goes on with the restore once <paramref name="finished"/> is done; true when every account is.</summary>
    public bool RestoreNext(long? finished)
    {
        if (finished != _restoring)
        {
            return false; // an account authorized on demand meanwhile, not the restore's
        }

        while (_restoreQueue.TryDequeue(out var id))
        {
            if (Authorize(id))
            {
                _restoring = id;
                return false;
            }
        }

        _restoring = null;
        return true;
    }

    /// <summary>
    /// Handles a request, an <see cref="AuthorizeAccount"/> or a <see cref="ChangeSubscription"/> while the session is
    /// ready: at once when its account is authorized (or it names none), else once it is.
    /// </summary>
    public void Dispatch(Held held)
    {
        var accountId = held.Message switch
        {
            IPendingRequest request => request.AccountId,
            AuthorizeAccount authorize => authorize.AccountId,
            ChangeSubscription change => AccountOf(change.Request),
            _ => throw new ArgumentException($"{held.Message.GetType().Name} is not for the accounts.", nameof(held)),
        };
        if (held.Message is IPendingRequest { IsCompleted: true })
        {
            return;
        }

        if (accountId is not { } id)
        {
            Release(held);
            return;
        }

        var entry = Entry(id);
        if (entry.IsAuthorized)
        {
            Release(held);
        }
        else if (entry.Error is { } error && !entry.ErrorClears)
        {
            Fail(held, error);
        }
        else
        {
            entry.Parked.Enqueue(held);
            Authorize(id);
        }
    }

    /// <summary>Starts authorizing an account on the current connection unless under way; false when it cannot now.</summary>
    public bool Authorize(long id)
    {
        var entry = Entry(id);
        if (entry.Working || entry.AwaitingTokens || Epoch == 0)
        {
            return false;
        }

        entry.Error = null;
        entry.Working = true;
        var tokens = parts.Tokens;
        var job = new AccountJob(id, Epoch, tokens.AccessToken, tokens.Granted, [.. parts.Book.RenewalsFor(id)], entry.ReconcileNext);
        AccountWork.RunAsync(parts.Link, job, parts.Environment, parts.Log).PipeTo(parts.Self, failure: e => new AccountOutcome(job)
        {
            Error = new GatewayAccountException(id, AccountFailureKind.AuthorizationFailed, $"Account {id} could not be authorized.", e),
        });
        return true;
    }

    /// <summary>Applies how an authorization ended; true when it concerned the current connection.</summary>
    public bool OnOutcome(AccountOutcome outcome)
    {
        var job = outcome.Job;
        var entry = Entry(job.AccountId);
        if (job.Epoch != Epoch)
        {
            return false; // of a connection already gone: the account was reset with it
        }

        entry.Working = false;
        parts.Tokens.Keep(outcome.Granted);
        if (outcome.Authorized)
        {
            entry.AuthorizedWith = job.AccessToken;
            entry.ReconcileNext = false;
            if (outcome.Reconciled is { } snapshot)
            {
                parts.Publisher.Tell(new AccountReconciled(job.AccountId, snapshot));
            }

            while (entry.Parked.TryDequeue(out var parked))
            {
                Release(parked);
            }
        }
        else if (outcome.TokenExpired)
        {
            OnTokenExpired(job.AccountId, entry, job.AccessToken);
        }
        else if (outcome.Error is { } error)
        {
            MarkUnavailable(job.AccountId, entry, error);
        }

        return true;
    }

    /// <summary>The server events the session acts on, as a subscription of its own to the publisher.</summary>
    public static SubscriptionOptions ServerEvents => new()
    {
        PayloadTypes =
        [
            (uint)ProtoOAPayloadType.ProtoOaAccountDisconnectEvent,
            (uint)ProtoOAPayloadType.ProtoOaAccountsTokenInvalidatedEvent,
            (uint)ProtoOAPayloadType.ProtoOaClientDisconnectEvent,
        ],
        Capacity = 100_000,
        Overflow = OverflowPolicy.DropNewest,
    };

    /// <summary>The server events the session acts on (see <see cref="ServerEvents"/>).</summary>
    public void OnServerEvents(EventBatch batch)
    {
        foreach (var item in batch.Items)
        {
            switch (item.Message)
            {
                case ProtoOAClientDisconnectEvent client:
                    // The server closes the connection next; the connection actor reconnects and the session restores.
                    parts.Log.ClientDisconnected(client.HasReason ? client.Reason : "");
                    break;
                case { } message:
                    OnServerEvent(message);
                    break;
            }
        }
    }

    /// <summary>The server ended an account's session or invalidated its token.</summary>
    private void OnServerEvent(IMessage message)
    {
        switch (message)
        {
            case ProtoOAAccountDisconnectEvent disconnected when _accounts.TryGetValue(disconnected.CtidTraderAccountId, out var entry):
                entry.AuthorizedWith = null;
                entry.ReconcileNext = true;
                parts.Log.AccountDisconnected(disconnected.CtidTraderAccountId);
                parts.Publisher.Tell(new AccountDisconnected(disconnected.CtidTraderAccountId));
                Authorize(disconnected.CtidTraderAccountId);
                break;
            case ProtoOAAccountsTokenInvalidatedEvent invalidated:
                OnTokenInvalidated(invalidated);
                break;
        }
    }

    /// <summary>New tokens: accounts that waited for them (or failed for want of them) are authorized again.</summary>
    public void TokensRenewed()
    {
        foreach (var (id, entry) in _accounts)
        {
            if (entry.AwaitingTokens || entry.Error?.Kind is AccountFailureKind.TokenInvalidated or AccountFailureKind.RefreshFailed)
            {
                entry.AwaitingTokens = false;
                entry.Error = null;
                if (entry.Parked.Count > 0 || entry.ReconcileNext)
                {
                    Authorize(id);
                }
            }
        }
    }

    /// <summary>The refresh was refused: the accounts that waited for new tokens cannot be used, and only those.</summary>
    public void RefreshFailed(string reason)
    {
        foreach (var (id, entry) in _accounts.Where(a => a.Value.AwaitingTokens).ToList())
        {
            entry.AwaitingTokens = false;
            MarkUnavailable(id, entry, new GatewayAccountException(id, AccountFailureKind.RefreshFailed,
                $"The access token of account {id} is no longer valid and the refresh token was refused ({reason}); new tokens are needed."));
        }
    }

    /// <summary>The connection went: no account is authorized any more, and what was parked waits for the next one.</summary>
    public void ConnectionLost(RequestStash held)
    {
        Epoch = 0;
        _restoring = null;
        _restoreQueue.Clear();
        foreach (var entry in _accounts.Values)
        {
            entry.AuthorizedWith = null;
            entry.Working = false;
            entry.ReconcileNext = true; // its events of the gap are lost
            while (entry.Parked.TryDequeue(out var parked))
            {
                held.Add(parked);
            }
        }
    }

    public void Sweep(long now)
    {
        foreach (var entry in _accounts.Values)
        {
            RequestStash.Sweep(entry.Parked, now);
        }
    }

    public void FailParked(Exception reason)
    {
        foreach (var entry in _accounts.Values)
        {
            while (entry.Parked.TryDequeue(out var parked))
            {
                Fail(parked, reason);
            }
        }
    }

    /// <summary>Ends a held request or command with <paramref name="reason"/>.</summary>
    public static void Fail(Held held, Exception reason)
    {
        switch (held.Message)
        {
            case IPendingRequest request:
                request.TryFail(reason);
                break;
            default:
                held.Sender.Tell(new Status.Failure(reason));
                break;
        }
    }

    /// <summary>Sends a request on the session's connection, or answers a command, now that its account is ready.</summary>
    private void Release(Held held)
    {
        switch (held.Message)
        {
            case IPendingRequest request:
                request.BoundTo = Epoch;
                request.ReturnTo = held.Returnable ? parts.Self : null;
                parts.Connection.Tell(request);
                break;
            case AuthorizeAccount authorize:
                held.Sender.Tell(new AccountAuthorized(authorize.AccountId));
                break;
            case ChangeSubscription change:
                parts.ChangeSubscription(change, held.Sender);
                break;
        }
    }

    private void OnTokenExpired(long id, AccountEntry entry, string usedToken)
    {
        if (usedToken != parts.Tokens.AccessToken)
        {
            Authorize(id); // renewed meanwhile: try the new one
        }
        else if (parts.Tokens.CanRefresh)
        {
            entry.AwaitingTokens = true;
            parts.Tokens.Refresh(Epoch);
        }
        else
        {
            MarkUnavailable(id, entry, new GatewayAccountException(id, AccountFailureKind.TokenInvalidated,
                $"The access token of account {id} is no longer valid and no refresh token is configured."));
        }
    }

    private void OnTokenInvalidated(ProtoOAAccountsTokenInvalidatedEvent invalidated)
    {
        var affected = invalidated.CtidTraderAccountIds.Where(_accounts.ContainsKey).ToList();
        // Accounts still authorized with the current token mean it is the current token that died; others were
        // authorized with a token already replaced, and only need the new one.
        var currentDied = affected.Any(id => _accounts[id].AuthorizedWith == parts.Tokens.AccessToken);
        var reason = invalidated.HasReason ? invalidated.Reason : "";
        parts.Log.TokenInvalidated(affected.Count, reason);
        parts.Publisher.Tell(new AccountTokenInvalidated(affected, reason, currentDied && parts.Tokens.CanRefresh));
        foreach (var id in affected)
        {
            var entry = _accounts[id];
            entry.AuthorizedWith = null;
            entry.ReconcileNext = true;
            if (currentDied)
            {
                OnTokenExpired(id, entry, parts.Tokens.AccessToken);
            }
            else
            {
                Authorize(id);
            }
        }
    }

    private void MarkUnavailable(long id, AccountEntry entry, GatewayAccountException error)
    {
        entry.Error = error;
        parts.Log.AccountUnavailable(id, error.Kind, error.Message);
        parts.Publisher.Tell(new AccountUnavailable(id, error));
        while (entry.Parked.TryDequeue(out var parked))
        {
            Fail(parked, error);
        }
    }

    /// <summary>The account a subscription request names; null for a message that is none (the book refuses it, typed).</summary>
    private static long? AccountOf(IMessage request)
    {
        try
        {
            return RequestInfo.AccountOf(request, RequestInfo.Of(request));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private AccountEntry Entry(long id)
    {
        if (!_accounts.TryGetValue(id, out var entry))
        {
            entry = new AccountEntry();
            _accounts[id] = entry;
        }

        return entry;
    }

    /// <summary>What the desk works with, all owned elsewhere; <c>ChangeSubscription</c> makes a change once its account is authorized.</summary>
    internal sealed record Parts(SessionLink Link, IActorRef Self, IActorRef Connection, IActorRef Publisher, SubscriptionBook Book,
        TokenKeeper Tokens, GatewayEnvironment Environment, ILogger Log, Action<ChangeSubscription, IActorRef> ChangeSubscription);
}
