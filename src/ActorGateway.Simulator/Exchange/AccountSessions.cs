using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Sessions;
using ActorGateway.Simulator.Trading;
using Google.Protobuf;
using static ActorGateway.Simulator.Exchange.ExchangeClients;

namespace ActorGateway.Simulator.Exchange;

/// <summary>Account sessions: authorization with access tokens, token refresh and revocation, logout.</summary>
internal sealed class AccountSessions(ExchangeClients clients, TokenBook tokens, TradingDesk desk, SimulatorContext context)
{
    private readonly TimeProvider _time = context.Time;

    public bool TryHandle(ClientState client, IMessage request, string? id)
    {
        switch (request)
        {
            case ProtoOAAccountAuthReq auth:
                Reply(client, AuthorizeAccount(client, auth), id);
                return true;
            case ProtoOAGetAccountListByAccessTokenReq list:
                Reply(client, AccountList(list.AccessToken), id);
                return true;
            case ProtoOAGetCtidProfileByTokenReq profile:
                Reply(client, ValidToken(profile.AccessToken, out var token) is { } error
                    ? error
                    : new ProtoOAGetCtidProfileByTokenRes { Profile = new ProtoOACtidProfile { UserId = token!.UserId } }, id);
                return true;
            case ProtoOARefreshTokenReq refresh:
                RefreshToken(client, refresh.RefreshToken, id);
                return true;
            case ProtoOAAccountLogoutReq logout:
                Reply(client, new ProtoOAAccountLogoutRes { CtidTraderAccountId = logout.CtidTraderAccountId }, id);
                EndSession(client, logout.CtidTraderAccountId);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Whether the token an account was authorized with on this connection only allows viewing it.</summary>
    public bool IsViewOnly(ClientState client, long accountId) => tokens.Find(client.Accounts[accountId])?.ViewOnly == true;

    public void DisconnectAccount(long accountId)
    {
        foreach (var client in clients.All.Where(c => c.Accounts.ContainsKey(accountId)))
        {
            EndSession(client, accountId);
        }
    }

    public void InvalidateToken(string accessToken, string reason)
    {
        tokens.Revoke(accessToken);
        EndSessionsOf(accessToken, reason);
    }

    private IMessage AuthorizeAccount(ClientState client, ProtoOAAccountAuthReq auth)
    {
        var accountId = auth.CtidTraderAccountId;
        if (ValidToken(auth.AccessToken, out var token) is { } invalid)
        {
            invalid.CtidTraderAccountId = accountId;
            return invalid;
        }

        if (desk.Find(accountId) is not { } account)
        {
            return ErrorReplies.OA(ProtoOAErrorCode.ChCtidTraderAccountNotFound, "Trading account not found", accountId);
        }

        if (!token!.AccountIds.Contains(accountId))
        {
            return ErrorReplies.OA(ProtoOAErrorCode.AccountNotAuthorized, "The access token does not grant this trading account",
                accountId);
        }

        if (account.Options.IsLive != context.Options.Live)
        {
            return ErrorReplies.OA(ErrorReplies.NameOf(ProtoErrorCode.CantRouteRequest),
                "The trading account belongs to the other environment (invalid route)", accountId);
        }

        if (client.Accounts.ContainsKey(accountId))
        {
            return ErrorReplies.OA(ProtoOAErrorCode.AlreadyLoggedIn, "Trading account is already authorized in this channel", accountId);
        }

        client.Accounts[accountId] = token.AccessToken;
        return new ProtoOAAccountAuthRes { CtidTraderAccountId = accountId };
    }

    private IMessage AccountList(string accessToken)
    {
        if (ValidToken(accessToken, out var token) is { } invalid)
        {
            return invalid;
        }

        var res = new ProtoOAGetAccountListByAccessTokenRes
        {
            AccessToken = accessToken,
            PermissionScope = token!.ViewOnly ? ProtoOAClientPermissionScope.ScopeView : ProtoOAClientPermissionScope.ScopeTrade,
        };
        foreach (var account in token.AccountIds.Select(desk.Find).OfType<Account>())
        {
            res.CtidTraderAccount.Add(new ProtoOACtidTraderAccount
            {
                CtidTraderAccountId = (ulong)account.Id, IsLive = account.Options.IsLive, TraderLogin = account.TraderLogin,
                BrokerTitleShort = account.Options.BrokerName,
            });
        }

        return res;
    }

    private ProtoOAErrorRes? ValidToken(string accessToken, out TokenBook.Token? token)
    {
        token = tokens.Find(accessToken);
        if (token is null)
        {
            return ErrorReplies.OA(ProtoOAErrorCode.ChAccessTokenInvalid, "Access token is invalid");
        }

        return token.IsExpired(_time.GetUtcNow()) ? ErrorReplies.OA(ProtoOAErrorCode.ChAccessTokenInvalid, "Access token expired") : null;
    }

    private void RefreshToken(ClientState client, string refreshToken, string? id)
    {
        if (tokens.Refresh(refreshToken, _time.GetUtcNow()) is not { } pair)
        {
            Reply(client,
                ErrorReplies.OA(ProtoOAErrorCode.ChAccessTokenInvalid, "Refresh token is invalid or already used"), id);
            return;
        }

        var (old, fresh) = pair;
        Reply(client, new ProtoOARefreshTokenRes
        {
            AccessToken = fresh.AccessToken, TokenType = "bearer", ExpiresIn = (long)TokenBook.Lifetime.TotalSeconds,
            RefreshToken = fresh.RefreshToken,
        }, id);
        EndSessionsOf(old.AccessToken, "Access token was refreshed");
    }

    private static void EndSession(ClientState client, long accountId)
    {
        client.RemoveAccount(accountId);
        Reply(client, new ProtoOAAccountDisconnectEvent { CtidTraderAccountId = accountId }, null);
    }

    /// <summary>Ends every account session authorized with a token that no longer works, telling each connection once.</summary>
    private void EndSessionsOf(string accessToken, string reason)
    {
        foreach (var client in clients.All)
        {
            var ended = client.Accounts.Where(a => a.Value == accessToken).Select(a => a.Key).ToList();
            if (ended.Count == 0)
            {
                continue;
            }

            ended.ForEach(client.RemoveAccount);
            client.Connection.Post(new ConnectionCommand.Send(
                new ProtoOAAccountsTokenInvalidatedEvent { CtidTraderAccountIds = { ended }, Reason = reason }, null));
        }
    }
}
