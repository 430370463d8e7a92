using ActorGateway.IntegrationTests.Support;
using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;

namespace ActorGateway.IntegrationTests;

public sealed class SessionStartTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AskAsync_concurrent_first_callers_share_one_connection_and_authentication(bool tls)
    {
        await using var host = await SessionHost.StartAsync(tls);
        var session = host.CreateSession();

        var callers = Enumerable.Range(0, 8)
            .Select(_ => session.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = SessionHost.Demo1 }))
            .ToArray();
        var replies = await Task.WhenAll(callers).OrTimeout();

        Assert.All(replies, r => Assert.Equal(SessionHost.Demo1, r.Trader.CtidTraderAccountId));
        Assert.Equal(1, host.Server.ConnectionCount);
        Assert.Single(host.Logs.Entries, e => e.EventId.Id == 1021); // session ready once
        Assert.Single(host.Logs.Entries, e => e.EventId.Id == 1025); // account authorized once
    }

    [Fact]
    public async Task StartAsync_wrong_secret_fails_every_caller_with_the_same_rejection()
    {
        await using var host = await SessionHost.StartAsync();
        host.Logs.Expect(1024).Expect(1006); // refused, so the session tells the core to stop reconnecting
        var session = host.CreateSession(o => o.ClientSecret = "not-the-secret");

        var callers = Enumerable.Range(0, 5).Select(_ => session.StartAsync()).ToArray();

        foreach (var caller in callers)
        {
            var error = await Assert.ThrowsAsync<GatewayRejectedException>(() => caller.OrTimeout());
            Assert.Equal("CH_CLIENT_AUTH_FAILURE", error.ErrorCode);
        }
    }

    [Fact]
    public async Task StartAsync_after_a_refusal_tries_again()
    {
        await using var host = await SessionHost.StartAsync();
        host.Logs.Expect(1024).Expect(1006); // refused, so the session tells the core to stop reconnecting
        var session = host.CreateSession(o => o.ClientSecret = "not-the-secret");
        await Assert.ThrowsAsync<GatewayRejectedException>(() => session.StartAsync().OrTimeout());

        var again = await Assert.ThrowsAsync<GatewayRejectedException>(() => session.StartAsync().OrTimeout());

        Assert.Equal("CH_CLIENT_AUTH_FAILURE", again.ErrorCode);
        Assert.Equal(2, host.Logs.Entries.Count(e => e.EventId.Id == 1024));
    }

    [Fact]
    public async Task AuthorizeAccountAsync_live_account_on_demo_endpoint_is_refused_by_environment()
    {
        await using var host = await SessionHost.StartAsync();
        host.Logs.Expect(1026);
        var session = host.CreateSession();

        var error = await Assert.ThrowsAsync<Session.GatewayAccountException>(
            () => session.AuthorizeAccountAsync(SessionHost.LiveAccount).OrTimeout());

        Assert.Equal(Session.AccountFailureKind.WrongEnvironment, error.Kind);
        Assert.Equal(SessionHost.LiveAccount, error.AccountId);
        Assert.Equal(Session.GatewayEnvironment.Demo, session.Environment);
    }

    [Fact]
    public async Task AuthorizeAccountAsync_account_not_granted_by_the_token_is_refused()
    {
        await using var host = await SessionHost.StartAsync();
        host.Logs.Expect(1026);
        var session = host.CreateSession();

        var error = await Assert.ThrowsAsync<Session.GatewayAccountException>(() => session.AuthorizeAccountAsync(999).OrTimeout());

        Assert.Equal(Session.AccountFailureKind.NotGranted, error.Kind);
    }
}
