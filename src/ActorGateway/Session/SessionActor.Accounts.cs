using ActorGateway.Diagnostics;
using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;

namespace ActorGateway.Session;

internal sealed partial class SessionActor
{
    private OAuthTokens _tokens;
    private IReadOnlyList<ProtoOACtidTraderAccount>? _granted; // what the current access token grants, asked once

    private async Task OnAuthorizeAccountAsync(AuthorizeAccount authorize)
    {
        if (!_accounts.TryGetValue(authorize.AccountId, out var entry))
        {
            entry = new AccountEntry();
            _accounts[authorize.AccountId] = entry;
        }

        if (entry.Error is { Kind: AccountFailureKind.AuthorizationFailed })
        {
            entry.Error = null; // the server may say yes this time
        }

        if (entry.Error is { } error)
        {
            authorize.Waiter.TrySetException(error);
            return;
        }

        if (entry.AuthorizedWith is not null)
        {
            authorize.Waiter.TrySetResult();
            return;
        }

        entry.Waiters.Add(authorize.Waiter);
        if (_phase != Phase.Ready)
        {
            return; // the restore under way authorizes every known account
        }

        try
        {
            await TryAuthorizeAsync(authorize.AccountId, entry).ConfigureAwait(false);
        }
        catch (GatewayConnectionException)
        {
            // Lost meanwhile: the waiters stay, and the next restore authorizes the account.
        }
    }

    /// <summary>
    /// Authorizes an account on the current connection after checking the token grants it in the session's environment.
    /// A refusal becomes the account's error (its waiters fail with it); false unless it is now authorized.
    /// </summary>
    /// <exception cref="GatewayConnectionException">The connection went; the account stays as it was.</exception>
    private async Task<bool> TryAuthorizeAsync(long accountId, AccountEntry entry)
    {
        try
        {
            var token = _tokens.AccessToken;
            entry.Error = await CheckGrantAsync(accountId).ConfigureAwait(false);
            if (entry.Error is null)
            {
                await AskAsync<ProtoOAAccountAuthRes>(new ProtoOAAccountAuthReq { CtidTraderAccountId = accountId, AccessToken = token })
                    .ConfigureAwait(false);
                entry.AuthorizedWith = token;
                _log.AccountAuthorized(accountId);
            }
        }
        catch (GatewayRejectedException e) when (e.ErrorCode == "ALREADY_LOGGED_IN")
        {
            entry.AuthorizedWith = _tokens.AccessToken;
        }
        catch (GatewayRejectedException e)
        {
            var kind = e.ErrorCode == "CH_ACCESS_TOKEN_INVALID" ? AccountFailureKind.TokenInvalidated : AccountFailureKind.AuthorizationFailed;
            entry.Error = new GatewayAccountException(accountId, kind, $"Account {accountId} could not be authorized: {e.ErrorCode}.", e);
        }

        if (entry.Error is { } error)
        {
            _log.AccountUnavailable(accountId, error.Kind, error.Message);
            Notify(new AccountUnavailable(accountId, error));
            FailAll(entry.Waiters, error);
            return false;
        }

        CompleteAll(entry.Waiters);
        return true;
    }

    /// <summary>Null when the token grants the account in the session's environment, else why not.</summary>
    private async Task<GatewayAccountException?> CheckGrantAsync(long accountId)
    {
        _granted ??= (await AskAsync<ProtoOAGetAccountListByAccessTokenRes>(
            new ProtoOAGetAccountListByAccessTokenReq { AccessToken = _tokens.AccessToken }).ConfigureAwait(false)).CtidTraderAccount;
        var account = _granted.FirstOrDefault(a => (long)a.CtidTraderAccountId == accountId);
        if (account is null)
        {
            return new GatewayAccountException(accountId, AccountFailureKind.NotGranted,
                $"The configured access token does not grant account {accountId}.");
        }

        var environment = account.IsLive ? GatewayEnvironment.Live : GatewayEnvironment.Demo;
        return environment == _settings.Environment ? null : new GatewayAccountException(accountId, AccountFailureKind.WrongEnvironment,
            $"Account {accountId} is a {environment} account; this session connects to the {_settings.Environment} environment.");
    }

    private Task OnServerEventAsync(Google.Protobuf.IMessage message) => message switch
    {
        ProtoOAAccountDisconnectEvent disconnected => OnAccountDisconnectedAsync(disconnected.CtidTraderAccountId),
        ProtoOAAccountsTokenInvalidatedEvent invalidated => OnTokenInvalidatedAsync(invalidated),
        ProtoOAClientDisconnectEvent client => LogClientDisconnect(client),
        _ => Task.CompletedTask,
    };

    private Task LogClientDisconnect(ProtoOAClientDisconnectEvent client)
    {
        // The server closes the connection next; the core reconnects under its retry policy and the session restores.
        _log.ClientDisconnected(client.HasReason ? client.Reason : "");
        return Task.CompletedTask;
    }

    private async Task OnAccountDisconnectedAsync(long accountId)
    {
        if (!_accounts.TryGetValue(accountId, out var entry))
        {
            return;
        }

        entry.AuthorizedWith = null;
        _log.AccountDisconnected(accountId);
        Notify(new AccountDisconnected(accountId));
        await ReauthorizeAsync(accountId, entry).ConfigureAwait(false);
    }

    private async Task OnTokenInvalidatedAsync(ProtoOAAccountsTokenInvalidatedEvent invalidated)
    {
        var affected = invalidated.CtidTraderAccountIds.Where(_accounts.ContainsKey).ToList();
        // Accounts still authorized with the current token mean it is the current token that died; others were
        // authorized with a token the session has already replaced, and only need the new one.
        var currentDied = affected.Any(id => _accounts[id].AuthorizedWith == _tokens.AccessToken);
        affected.ForEach(id => _accounts[id].AuthorizedWith = null);
        var reason = invalidated.HasReason ? invalidated.Reason : "";
        _log.TokenInvalidated(affected.Count, reason);
        var refreshing = currentDied && _tokens.RefreshToken is not null;
        Notify(new AccountTokenInvalidated(affected, reason, refreshing));
        if (currentDied && !(refreshing && await TryRefreshAsync().ConfigureAwait(false)))
        {
            foreach (var id in affected)
            {
                var error = new GatewayAccountException(id, AccountFailureKind.TokenInvalidated,
                    $"The access token of account {id} was invalidated ({reason}) and could not be refreshed.");
                _accounts[id].Error = error;
                _book.Forget(id);
                Notify(new AccountUnavailable(id, error));
                FailAll(_accounts[id].Waiters, error);
            }

            return;
        }

        foreach (var id in affected)
        {
            await ReauthorizeAsync(id, _accounts[id]).ConfigureAwait(false);
        }
    }

    private async Task ReauthorizeAsync(long accountId, AccountEntry entry)
    {
        if (_phase != Phase.Ready || entry.Error is not null)
        {
            return; // a restore under way (or to come) handles it
        }

        try
        {
            // The server ended the account's session, and its subscriptions with it: renew them and resynchronise.
            await RestoreAccountAsync(accountId, entry, reconcile: true).ConfigureAwait(false);
        }
        catch (GatewayConnectionException)
        {
            // Lost meanwhile: the next restore handles it.
        }
    }

    private async Task OnRefreshTokensAsync(RefreshTokens refresh)
    {
        if (_tokens.RefreshToken is null)
        {
            refresh.Waiter.TrySetException(new InvalidOperationException("No refresh token is configured."));
            return;
        }

        if (_phase != Phase.Ready)
        {
            refresh.Waiter.TrySetException(new InvalidOperationException("The session is not connected; start it first."));
            return;
        }

        // The server then invalidates the old token's account sessions, and the session authorizes them with the new one.
        if (await TryRefreshAsync().ConfigureAwait(false))
        {
            refresh.Waiter.TrySetResult();
        }
        else
        {
            refresh.Waiter.TrySetException(new GatewayAccountException(0, AccountFailureKind.TokenInvalidated,
                "The refresh token was refused."));
        }
    }

    /// <summary>Exchanges the refresh token for a new pair and hands it to the user to persist; false when refused.</summary>
    private async Task<bool> TryRefreshAsync()
    {
        ProtoOARefreshTokenRes renewed;
        try
        {
            renewed = await AskAsync<ProtoOARefreshTokenRes>(new ProtoOARefreshTokenReq { RefreshToken = _tokens.RefreshToken })
                .ConfigureAwait(false);
        }
        catch (GatewayException e)
        {
            _log.TokenRefreshFailed(e.Message);
            return false;
        }

        _tokens = new OAuthTokens(renewed.AccessToken, renewed.RefreshToken);
        _log.TokensRefreshed(renewed.ExpiresIn);
        if (_settings.TokensRefreshed is { } persist)
        {
            try
            {
                await persist(_tokens, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _log.TokenPersistFailed(e.GetType().Name);
            }
        }

        return true;
    }
}
