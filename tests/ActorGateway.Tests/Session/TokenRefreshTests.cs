using ActorGateway.Protocol.Messages;
using ActorGateway.Session;
using ActorGateway.TestKit;
using ActorGateway.Tests.Support;

namespace ActorGateway.Tests.Session;

public sealed class TokenRefreshTests
{
    [Fact]
    public async Task TokenInvalidatedEvent_with_refresh_token_refreshes_persists_and_reauthorizes_with_the_new_token()
    {
        var persisted = new TestProbe<OAuthTokens>();
        await using var harness = new SessionHarness(o =>
        {
            o.RefreshToken = SessionHarness.RefreshToken;
            o.TokensRefreshed = (tokens, _) =>
            {
                persisted.Tell(tokens);
                return Task.CompletedTask;
            };
        });
        harness.Logs.Expect(1028);
        var authorizing = harness.Session.AuthorizeAccountAsync(SessionHarness.Account);
        var server = await harness.Transport.AcceptAsync();
        await SessionHarness.AnswerApplicationAuthAsync(server);
        await SessionHarness.AnswerFirstAccountAuthAsync(server);
        await authorizing.OrTimeout();

        await server.SendAsync(new ProtoOAAccountsTokenInvalidatedEvent { CtidTraderAccountIds = { SessionHarness.Account }, Reason = "expired" });

        var refresh = await SessionHarness.AnswerAsync<ProtoOARefreshTokenReq>(server, new ProtoOARefreshTokenRes
        {
            AccessToken = "new-access", RefreshToken = "new-refresh", TokenType = "bearer", ExpiresIn = 2_628_000,
        });
        Assert.Equal(SessionHarness.RefreshToken, refresh.RefreshToken);
        Assert.Equal(new OAuthTokens("new-access", "new-refresh"), await persisted.ExpectAsync());
        var reauth = await SessionHarness.AnswerAsync<ProtoOAAccountAuthReq>(server, new ProtoOAAccountAuthRes { CtidTraderAccountId = 1 });
        Assert.Equal("new-access", reauth.AccessToken);
        await SessionHarness.AnswerAsync<ProtoOAReconcileReq>(server, new ProtoOAReconcileRes { CtidTraderAccountId = 1 });
    }

    [Fact]
    public async Task OAuthTokens_ToString_never_shows_a_token()
    {
        var text = new OAuthTokens("secret-access", "secret-refresh").ToString();

        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        await Task.CompletedTask;
    }
}
