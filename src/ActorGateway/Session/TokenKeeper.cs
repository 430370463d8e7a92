using ActorGateway.Diagnostics;
using ActorGateway.Protocol.Messages;
using Akka.Actor;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Session;

/// <summary>
/// The session's OAuth tokens: the pair in use, what the access token grants (asked once per token), and the refresh —
/// one at a time, since a refresh token works once. A renewed pair is handed to the persistence callback before any
/// account uses it. Called on the session actor's turn; the refresh and the callback run off it and come back by PipeTo.
/// </summary>
internal sealed class TokenKeeper(SessionSettings settings, SessionLink link, IActorRef self, ILogger log)
{
    private readonly List<IActorRef> _waiters = [];
    private OAuthTokens _tokens = settings.Tokens;
    private IReadOnlyList<ProtoOACtidTraderAccount>? _granted;
    private bool _refreshing;

    public string AccessToken => _tokens.AccessToken;

    public bool CanRefresh => _tokens.RefreshToken is not null;

    /// <summary>What the current access token grants, when asked already.</summary>
    public IReadOnlyList<ProtoOACtidTraderAccount>? Granted => _granted;

    /// <summary>True when a refresh is wanted but had to wait for a connection.</summary>
    public bool Due { get; private set; }

    /// <summary>Keeps the latest grant list asked.</summary>
    public void Keep(IReadOnlyList<ProtoOACtidTraderAccount>? granted) => _granted = granted ?? _granted;

    /// <summary>An explicit <see cref="RefreshTokens"/>: answered when the new pair is persisted, or failed.</summary>
    public void RefreshFor(IActorRef waiter, int epoch)
    {
        if (!CanRefresh)
        {
            waiter.Tell(new Status.Failure(new InvalidOperationException("No refresh token is configured.")));
            return;
        }

        _waiters.Add(waiter);
        Refresh(epoch);
    }

    /// <summary>Starts a refresh on connection <paramref name="epoch"/> unless one is under way; waits for one when there is none.</summary>
    public void Refresh(int epoch)
    {
        if (_refreshing || !CanRefresh)
        {
            return;
        }

        if (epoch == 0)
        {
            Due = true;
            return;
        }

        Due = false;
        _refreshing = true;
        link.AskAsync<ProtoOARefreshTokenRes>(new ProtoOARefreshTokenReq { RefreshToken = _tokens.RefreshToken }, epoch)
            .PipeTo(self, success: r => new RefreshOutcome(r, null), failure: e => new RefreshOutcome(null, e));
    }

    /// <summary>A refresh ended: a renewed pair is adopted and persisted; a refusal fails the accounts that waited for it.</summary>
    public void OnOutcome(RefreshOutcome outcome, AccountDesk accounts, ITimerScheduler timers)
    {
        if (outcome.Renewed is { } renewed)
        {
            Schedule(OnRenewed(renewed), timers);
        }
        else if (OnFailed(outcome.Error!))
        {
            accounts.RefreshFailed(Describe(outcome.Error!));
        }
    }

    /// <summary>Refreshes ahead of expiry: when four fifths of the access token's known lifetime have passed.</summary>
    public static void Schedule(TimeSpan? lifetime, ITimerScheduler timers)
    {
        if (lifetime is { } known)
        {
            timers.StartSingleTimer(nameof(RefreshDue), RefreshDue.Instance, known > TimeSpan.Zero ? known * 0.8 : TimeSpan.Zero);
        }
    }

    private TimeSpan? OnRenewed(ProtoOARefreshTokenRes renewed)
    {
        // The grant list stays: a refreshed token belongs to the same authorization, so it grants the same accounts.
        _tokens = new OAuthTokens(renewed.AccessToken, renewed.RefreshToken);
        log.TokensRefreshed(renewed.ExpiresIn);
        var persist = settings.TokensRefreshed is { } callback ? callback(_tokens, CancellationToken.None) : Task.CompletedTask;
        persist.PipeTo(self, success: () => new TokensPersisted(null), failure: e => new TokensPersisted(e));
        return renewed.ExpiresIn > 0 ? TimeSpan.FromSeconds(renewed.ExpiresIn) : null;
    }

    /// <summary>The new pair is persisted (or the callback failed, logged): waiters hear, and accounts may use it.</summary>
    public void OnPersisted(TokensPersisted persisted, AccountDesk accounts)
    {
        if (persisted.Error is { } error)
        {
            log.TokenPersistFailed(error.GetType().Name);
        }

        _refreshing = false;
        foreach (var waiter in _waiters)
        {
            waiter.Tell(TokensRenewed.Instance);
        }

        _waiters.Clear();
        accounts.TokensRenewed();
    }

    /// <summary>The refresh failed; true when the server refused it (revoked or used), false when the connection went.</summary>
    private bool OnFailed(Exception error)
    {
        _refreshing = false;
        if (error is GatewayConnectionException)
        {
            Due = true; // the next connection tries again
            return false;
        }

        log.TokenRefreshFailed(error.Message);
        FailWaiters(new GatewayAccountException(0, AccountFailureKind.RefreshFailed, $"The refresh token was refused: {Describe(error)}.", error));
        return true;
    }

    public void FailWaiters(Exception reason)
    {
        foreach (var waiter in _waiters)
        {
            waiter.Tell(new Status.Failure(reason));
        }

        _waiters.Clear();
    }

    public static string Describe(Exception error) => error is GatewayRejectedException rejected ? rejected.ErrorCode : error.Message;
}

/// <summary>How a refresh ended: the new pair, or why not. Printing it never shows a token.</summary>
internal sealed record RefreshOutcome(ProtoOARefreshTokenRes? Renewed, Exception? Error)
{
    public override string ToString() => $"RefreshOutcome(renewed: {Renewed is not null})";
}

/// <summary>The persistence callback returned (or failed).</summary>
internal sealed record TokensPersisted(Exception? Error);

/// <summary>Timer: the access token nears the end of its life.</summary>
internal sealed record RefreshDue
{
    public static readonly RefreshDue Instance = new();
}
