using ActorGateway.IntegrationTests.Support;
using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using ActorGateway.Session;
using ActorGateway.TestKit;

namespace ActorGateway.IntegrationTests;

public sealed class AccountEventTests
{
    [Fact]
    public async Task AccountDisconnectEvent_reauthorizes_the_account_and_renews_its_spots()
    {
        await using var host = await SessionHost.StartAsync();
        host.Logs.Expect(1027);
        var session = host.CreateSession();
        var stream = new StreamProbe();
        await using var subscription = session.Subscribe<Google.Protobuf.IMessage>(callback: stream.Tell);
        await session.SubscribeSpotsAsync(SessionHost.Demo1, [3]).OrTimeout();

        host.Server.Faults.DisconnectAccount(SessionHost.Demo1);

        Assert.Equal(SessionHost.Demo1, (await stream.NoticeAsync<AccountDisconnected>()).AccountId);
        Assert.Equal(SessionHost.Demo1, (await stream.NoticeAsync<AccountReconciled>()).AccountId);
        var trader = await session.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = SessionHost.Demo1 }).OrTimeout();
        Assert.Equal(SessionHost.Demo1, trader.Trader.CtidTraderAccountId);
        await host.AdvanceMarketAsync(session, SessionHost.Demo1);
        Assert.Equal(3, (await stream.MessageAsync<ProtoOASpotEvent>()).SymbolId);
    }

    [Fact]
    public async Task RefreshTokensAsync_persists_the_new_pair_and_reauthorizes_accounts_with_it()
    {
        await using var host = await SessionHost.StartAsync();
        host.Logs.Expect(1028); // the server invalidates the old token's sessions
        var persisted = new TestProbe<OAuthTokens>();
        var session = host.CreateRefreshingSession(persisted);
        var stream = new StreamProbe();
        await using var subscription = session.SubscribeTrading(callback: stream.Tell);
        await session.AuthorizeAccountAsync(SessionHost.Demo1).OrTimeout();

        await session.RefreshTokensAsync().OrTimeout();

        var fresh = await persisted.ExpectAsync();
        Assert.NotEqual(SessionHost.AccessToken, fresh.AccessToken);
        Assert.NotEqual(SessionHost.RefreshToken, fresh.RefreshToken);
        // The server then ends the old token's account sessions; the session authorizes them again with the new pair.
        Assert.Equal([SessionHost.Demo1], (await stream.NoticeAsync<AccountTokenInvalidated>()).AccountIds);
        Assert.Equal(SessionHost.Demo1, (await stream.NoticeAsync<AccountReconciled>()).AccountId);
        var trader = await session.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = SessionHost.Demo1 }).OrTimeout();
        Assert.Equal(SessionHost.Demo1, trader.Trader.CtidTraderAccountId);
    }

    [Fact]
    public async Task Revoked_token_without_refresh_token_fails_the_accounts_callers_and_tells_subscribers()
    {
        await using var host = await SessionHost.StartAsync();
        host.Logs.Expect(1028).Expect(1026);
        var session = host.CreateSession();
        var stream = new StreamProbe();
        await using var subscription = session.SubscribeTrading(callback: stream.Tell);
        await session.AuthorizeAccountAsync(SessionHost.Demo1).OrTimeout();

        host.Server.Faults.InvalidateToken(SessionHost.AccessToken);

        await stream.MessageAsync<ProtoOAAccountsTokenInvalidatedEvent>();
        var unavailable = await stream.NoticeAsync<AccountUnavailable>();
        Assert.Equal(SessionHost.Demo1, unavailable.AccountId);
        var error = await Assert.ThrowsAsync<GatewayAccountException>(() =>
            session.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = SessionHost.Demo1 }).OrTimeout());
        Assert.Equal(AccountFailureKind.TokenInvalidated, error.Kind);
        Assert.DoesNotContain(SessionHost.AccessToken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoked_token_whose_refresh_token_is_dead_too_surfaces_a_clear_error()
    {
        await using var host = await SessionHost.StartAsync();
        host.Logs.Expect(1028).Expect(1026).Expect(1030);
        var session = host.CreateSession(o => o.RefreshToken = SessionHost.RefreshToken);
        var stream = new StreamProbe();
        await using var subscription = session.SubscribeTrading(callback: stream.Tell);
        await session.AuthorizeAccountAsync(SessionHost.Demo1).OrTimeout();

        // The simulator revokes the refresh token with its access token, so the session's refresh is refused.
        host.Server.Faults.InvalidateToken(SessionHost.AccessToken);

        Assert.True((await stream.NoticeAsync<AccountTokenInvalidated>()).Refreshing);
        var unavailable = await stream.NoticeAsync<AccountUnavailable>();
        var error = (GatewayAccountException)unavailable.Error;
        Assert.Equal(AccountFailureKind.RefreshFailed, error.Kind);
        Assert.Contains("refresh token was refused", error.Message, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<GatewayAccountException>(() =>
            session.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = SessionHost.Demo1 }).OrTimeout());
        Assert.Equal(AccountFailureKind.RefreshFailed, refused.Kind);
    }
}
