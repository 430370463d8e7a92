using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Tests.Support;
using static ActorGateway.Simulator.Tests.Support.SimulatorHost;

namespace ActorGateway.Simulator.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task Request_before_application_auth_gets_CH_CLIENT_NOT_AUTHENTICATED_while_heartbeats_are_accepted()
    {
        await using var host = await StartAsync();
        var client = await host.ConnectAsync();

        await client.SendAsync(new ProtoHeartbeatEvent());
        await client.SendAsync(AccountAuth(Demo1), "early");
        var error = await client.ExpectAsync<ProtoOAErrorRes>("early");
        await client.SendAsync(new ProtoOAVersionReq(), "version");
        var versionError = await client.ExpectAsync<ProtoOAErrorRes>("version");

        Assert.Equal("CH_CLIENT_NOT_AUTHENTICATED", error.ErrorCode);
        Assert.Equal("CH_CLIENT_NOT_AUTHENTICATED", versionError.ErrorCode);
    }

    [Fact]
    public async Task Wrong_secret_gets_CH_CLIENT_AUTH_FAILURE_then_the_server_closes()
    {
        await using var host = await StartAsync();
        var client = await host.ConnectAsync();

        await client.SendAsync(AppAuth("wrong"), "auth");
        var error = await client.ExpectAsync<ProtoOAErrorRes>("auth");

        Assert.Equal("CH_CLIENT_AUTH_FAILURE", error.ErrorCode);
        Assert.DoesNotContain("wrong", error.Description, StringComparison.Ordinal);
        await client.ExpectClosedAsync();
    }

    [Fact]
    public async Task Second_application_auth_gets_CH_CLIENT_ALREADY_AUTHENTICATED()
    {
        await using var host = await StartAsync();
        var client = await host.AppAuthenticatedAsync();

        await client.SendAsync(AppAuth(), "again");

        Assert.Equal("CH_CLIENT_ALREADY_AUTHENTICATED", (await client.ExpectAsync<ProtoOAErrorRes>("again")).ErrorCode);
    }

    [Theory]
    [InlineData(Demo1, "demo-access-token", "ALREADY_LOGGED_IN")]
    [InlineData(9999, "demo-access-token", "CH_CTID_TRADER_ACCOUNT_NOT_FOUND")]
    [InlineData(Demo2, "no-such-token", "CH_ACCESS_TOKEN_INVALID")]
    [InlineData(LiveAccount, "demo-access-token", "CANT_ROUTE_REQUEST")]
    public async Task Account_auth_failures_get_their_error_code(long account, string token, string expected)
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync(Demo1);

        await client.SendAsync(AccountAuth(account, token), "auth");
        var error = await client.ExpectAsync<ProtoOAErrorRes>("auth");

        Assert.Equal(expected, error.ErrorCode);
        Assert.Equal(account, error.CtidTraderAccountId);
    }

    [Fact]
    public async Task Live_server_authorizes_live_accounts_and_routes_demo_ones_nowhere()
    {
        await using var host = await StartAsync(o => o.Live = true);
        var client = await host.AppAuthenticatedAsync();

        await client.SendAsync(AccountAuth(LiveAccount), "live");
        await client.ExpectAsync<ProtoOAAccountAuthRes>("live");
        await client.SendAsync(AccountAuth(Demo1), "demo");

        Assert.Equal("CANT_ROUTE_REQUEST", (await client.ExpectAsync<ProtoOAErrorRes>("demo")).ErrorCode);
    }

    [Fact]
    public async Task Account_not_granted_by_the_token_gets_ACCOUNT_NOT_AUTHORIZED()
    {
        await using var host = await StartAsync(o =>
        {
            o.Credentials.Accounts = [new AccountOptions { AccountId = 1 }, new AccountOptions { AccountId = 2 }];
            o.Credentials.Tokens = [new TokenOptions { AccessToken = "t", RefreshToken = "r", AccountIds = [1] }];
        });
        var client = await host.AppAuthenticatedAsync();

        await client.SendAsync(AccountAuth(2, "t"), "auth");

        Assert.Equal("ACCOUNT_NOT_AUTHORIZED", (await client.ExpectAsync<ProtoOAErrorRes>("auth")).ErrorCode);
    }

    [Fact]
    public async Task Expired_token_gets_CH_ACCESS_TOKEN_INVALID_saying_expired()
    {
        await using var host = await StartAsync(o =>
            o.Credentials.Tokens = [new TokenOptions { AccessToken = "old", RefreshToken = "r", AccountIds = [Demo1],
                ExpiresIn = TimeSpan.FromSeconds(10) }]);
        var client = await host.AppAuthenticatedAsync();

        host.Time.Advance(TimeSpan.FromSeconds(20));
        await client.SendAsync(new ProtoHeartbeatEvent());
        await client.SendAsync(AccountAuth(Demo1, "old"), "auth");
        var error = await client.ExpectAsync<ProtoOAErrorRes>("auth");

        Assert.Equal("CH_ACCESS_TOKEN_INVALID", error.ErrorCode);
        Assert.Contains("expired", error.Description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Account_scoped_request_for_an_unauthorized_account_gets_ACCOUNT_NOT_AUTHORIZED()
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync(Demo1);

        await client.SendAsync(new ProtoOATraderReq { CtidTraderAccountId = Demo2 }, "trader");
        var error = await client.ExpectAsync<ProtoOAErrorRes>("trader");

        Assert.Equal("ACCOUNT_NOT_AUTHORIZED", error.ErrorCode);
        Assert.Equal(Demo2, error.CtidTraderAccountId);
    }

    [Fact]
    public async Task GetAccountListByAccessToken_lists_the_demo_and_live_accounts()
    {
        await using var host = await StartAsync();
        var client = await host.AppAuthenticatedAsync();

        await client.SendAsync(new ProtoOAGetAccountListByAccessTokenReq { AccessToken = Token }, "list");
        var res = await client.ExpectAsync<ProtoOAGetAccountListByAccessTokenRes>("list");

        Assert.Equal([(ulong)Demo1, (ulong)Demo2, (ulong)LiveAccount], res.CtidTraderAccount.Select(a => a.CtidTraderAccountId).Order());
        Assert.Equal([false, false, true], res.CtidTraderAccount.OrderBy(a => a.CtidTraderAccountId).Select(a => a.IsLive));
        Assert.Equal(ProtoOAClientPermissionScope.ScopeTrade, res.PermissionScope);
    }

    [Fact]
    public async Task GetCtidProfileByToken_returns_the_token_user()
    {
        await using var host = await StartAsync();
        var client = await host.AppAuthenticatedAsync();

        await client.SendAsync(new ProtoOAGetCtidProfileByTokenReq { AccessToken = Token }, "me");

        Assert.Equal(new TokenOptions().UserId, (await client.ExpectAsync<ProtoOAGetCtidProfileByTokenRes>("me")).Profile.UserId);
    }

    [Fact]
    public async Task RefreshToken_issues_a_new_pair_invalidates_the_old_token_and_ends_its_sessions()
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync(Demo1);

        await client.SendAsync(new ProtoOARefreshTokenReq { RefreshToken = RefreshToken }, "refresh");
        var res = await client.ExpectAsync<ProtoOARefreshTokenRes>("refresh");
        var invalidated = await client.ExpectAsync<ProtoOAAccountsTokenInvalidatedEvent>();
        await client.SendAsync(AccountAuth(Demo1, Token), "old");
        var oldRejected = await client.ExpectAsync<ProtoOAErrorRes>("old");
        await client.SendAsync(AccountAuth(Demo1, res.AccessToken), "new");
        await client.ExpectAsync<ProtoOAAccountAuthRes>("new");
        await client.SendAsync(new ProtoOARefreshTokenReq { RefreshToken = RefreshToken }, "reuse");

        Assert.NotEqual(Token, res.AccessToken);
        Assert.NotEqual(RefreshToken, res.RefreshToken);
        Assert.Equal("bearer", res.TokenType);
        Assert.Equal([Demo1], invalidated.CtidTraderAccountIds);
        Assert.Equal("CH_ACCESS_TOKEN_INVALID", oldRejected.ErrorCode);
        Assert.Equal("CH_ACCESS_TOKEN_INVALID", (await client.ExpectAsync<ProtoOAErrorRes>("reuse")).ErrorCode);
    }

    [Fact]
    public async Task AccountLogout_answers_then_sends_AccountDisconnectEvent_and_ends_the_session()
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync(Demo1);

        await client.SendAsync(new ProtoOAAccountLogoutReq { CtidTraderAccountId = Demo1 }, "bye");
        await client.ExpectAsync<ProtoOAAccountLogoutRes>("bye");
        var disconnect = await client.ExpectAsync<ProtoOAAccountDisconnectEvent>();
        await client.SendAsync(new ProtoOATraderReq { CtidTraderAccountId = Demo1 }, "trader");

        Assert.Equal(Demo1, disconnect.CtidTraderAccountId);
        Assert.Equal("ACCOUNT_NOT_AUTHORIZED", (await client.ExpectAsync<ProtoOAErrorRes>("trader")).ErrorCode);
    }
}
