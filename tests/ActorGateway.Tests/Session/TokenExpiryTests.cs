using ActorGateway.Protocol.Messages;
using ActorGateway.Session;
using ActorGateway.TestKit;
using ActorGateway.Tests.Support;

namespace ActorGateway.Tests.Session;

public sealed class TokenExpiryTests
{
    private const string Expired = "CH_ACCESS_TOKEN_INVALID";

    [Fact]
    public async Task Reconnect_whose_account_auth_finds_the_token_expired_refreshes_persists_and_goes_on()
    {
        var persisted = new TestProbe<OAuthTokens>();
        await using var harness = Refreshing(persisted);
        var server = await StartWithAccountAsync(harness);
        await server.FailAsync();

        var again = await harness.Transport.AcceptAsync();
        var held = harness.Session.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = SessionHarness.Account });
        await SessionHarness.AnswerApplicationAuthAsync(again);
        await RefuseAsync<ProtoOAAccountAuthReq>(again, Expired);
        await AnswerRefreshAsync(again, "new-access", "new-refresh");

        Assert.Equal(new OAuthTokens("new-access", "new-refresh"), await persisted.ExpectAsync());
        var reauth = await SessionHarness.AnswerAsync<ProtoOAAccountAuthReq>(again, new ProtoOAAccountAuthRes { CtidTraderAccountId = 1 });
        Assert.Equal("new-access", reauth.AccessToken);
        await SessionHarness.AnswerAsync<ProtoOAReconcileReq>(again, new ProtoOAReconcileRes { CtidTraderAccountId = 1 });
        Assert.False(held.IsCompleted); // it waited for its account, not only for the session
        await SessionHarness.AnswerAsync<ProtoOATraderReq>(again, Trader());
        Assert.Equal(SessionHarness.Account, (await held.OrTimeout()).Trader.CtidTraderAccountId);
    }

    [Fact]
    public async Task Account_first_used_mid_session_with_an_expired_token_is_authorized_after_a_refresh()
    {
        var persisted = new TestProbe<OAuthTokens>();
        await using var harness = Refreshing(persisted);
        var server = await StartWithAccountAsync(harness);

        var asking = harness.Session.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = 2 });
        await SessionHarness.AnswerAsync<ProtoOAGetAccountListByAccessTokenReq>(server, Grant(1, 2));
        await RefuseAsync<ProtoOAAccountAuthReq>(server, Expired);
        await AnswerRefreshAsync(server, "new-access", "new-refresh");
        await persisted.ExpectAsync();
        var auth = await SessionHarness.AnswerAsync<ProtoOAAccountAuthReq>(server, new ProtoOAAccountAuthRes { CtidTraderAccountId = 2 });
        await SessionHarness.AnswerAsync<ProtoOATraderReq>(server, Trader(2));

        Assert.Equal("new-access", auth.AccessToken);
        Assert.Equal(2, (await asking.OrTimeout()).Trader.CtidTraderAccountId);
    }

    [Fact]
    public async Task Refused_refresh_fails_only_the_accounts_that_needed_it_and_a_later_refresh_clears_the_error()
    {
        var persisted = new TestProbe<OAuthTokens>();
        await using var harness = Refreshing(persisted);
        harness.Logs.Expect(1030).Expect(1026);
        var server = await StartWithAccountAsync(harness);

        var needing = harness.Session.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = 2 });
        await SessionHarness.AnswerAsync<ProtoOAGetAccountListByAccessTokenReq>(server, Grant(1, 2));
        await RefuseAsync<ProtoOAAccountAuthReq>(server, Expired);
        await RefuseAsync<ProtoOARefreshTokenReq>(server, "ACCESS_DENIED");

        var refused = await Assert.ThrowsAsync<GatewayAccountException>(() => needing.OrTimeout());
        Assert.Equal(AccountFailureKind.RefreshFailed, refused.Kind);
        Assert.Equal(2, refused.AccountId);
        var other = harness.Session.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = SessionHarness.Account });
        await SessionHarness.AnswerAsync<ProtoOATraderReq>(server, Trader());
        Assert.Equal(SessionHarness.Account, (await other.OrTimeout()).Trader.CtidTraderAccountId); // account 1 is untouched

        var refreshing = harness.Session.RefreshTokensAsync();
        await AnswerRefreshAsync(server, "new-access", "new-refresh");
        await refreshing.OrTimeout();
        var again = harness.Session.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = 2 });
        Assert.Equal("new-access", (await SessionHarness.AnswerAsync<ProtoOAAccountAuthReq>(server, new ProtoOAAccountAuthRes { CtidTraderAccountId = 2 })).AccessToken);
        await SessionHarness.AnswerAsync<ProtoOATraderReq>(server, Trader(2));
        Assert.Equal(2, (await again.OrTimeout()).Trader.CtidTraderAccountId);
    }

    [Fact]
    public async Task Known_expiry_is_refreshed_ahead_of_time()
    {
        var persisted = new TestProbe<OAuthTokens>();
        await using var harness = Refreshing(persisted, o =>
        {
            o.AccessTokenExpiresAt = o.Gateway.TimeProvider.GetUtcNow() + TimeSpan.FromSeconds(10);
            o.Gateway.HeartbeatInterval = TimeSpan.FromMinutes(1);
            o.Gateway.ServerSilenceTimeout = TimeSpan.FromMinutes(5);
        });
        var server = await StartWithAccountAsync(harness);

        harness.Time.Advance(TimeSpan.FromSeconds(8)); // four fifths of the token's life

        var refresh = await AnswerRefreshAsync(server, "new-access", "new-refresh");
        Assert.Equal(SessionHarness.RefreshToken, refresh.RefreshToken);
        Assert.Equal(new OAuthTokens("new-access", "new-refresh"), await persisted.ExpectAsync());
    }

    private static SessionHarness Refreshing(TestProbe<OAuthTokens> persisted, Action<SessionOptions>? configure = null) => new(o =>
    {
        o.RefreshToken = SessionHarness.RefreshToken;
        o.TokensRefreshed = (tokens, _) =>
        {
            persisted.Tell(tokens);
            return Task.CompletedTask;
        };
        configure?.Invoke(o);
    });

    /// <summary>Starts the session with account 1 authorized; returns the server end.</summary>
    private static async Task<InMemoryServer> StartWithAccountAsync(SessionHarness harness)
    {
        var authorizing = harness.Session.AuthorizeAccountAsync(SessionHarness.Account);
        var server = await harness.Transport.AcceptAsync();
        await SessionHarness.AnswerApplicationAuthAsync(server);
        await SessionHarness.AnswerFirstAccountAuthAsync(server);
        await authorizing.OrTimeout();
        return server;
    }

    private static async Task RefuseAsync<TRequest>(InMemoryServer server, string errorCode)
        where TRequest : Google.Protobuf.IMessage
    {
        var (_, id) = await server.ExpectAsync<TRequest>();
        await server.SendAsync(new ProtoOAErrorRes { ErrorCode = errorCode, Description = "refused by the test" }, id);
    }

    private static Task<ProtoOARefreshTokenReq> AnswerRefreshAsync(InMemoryServer server, string access, string refresh) =>
        SessionHarness.AnswerAsync<ProtoOARefreshTokenReq>(server, new ProtoOARefreshTokenRes
        {
            AccessToken = access, RefreshToken = refresh, TokenType = "bearer", ExpiresIn = 2_628_000,
        });

    private static ProtoOAGetAccountListByAccessTokenRes Grant(params long[] accounts) => new()
    {
        AccessToken = "(not echoed)",
        CtidTraderAccount = { accounts.Select(a => new ProtoOACtidTraderAccount { CtidTraderAccountId = (ulong)a, IsLive = false }) },
    };

    private static ProtoOATraderRes Trader(long account = SessionHarness.Account) => new()
    {
        CtidTraderAccountId = account,
        Trader = new ProtoOATrader { CtidTraderAccountId = account, Balance = 1, DepositAssetId = 1, MoneyDigits = 2 },
    };
}
