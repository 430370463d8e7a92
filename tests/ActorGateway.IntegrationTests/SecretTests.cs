using ActorGateway.IntegrationTests.Support;
using ActorGateway.Protocol.Messages;
using ActorGateway.Session;
using ActorGateway.TestKit;

namespace ActorGateway.IntegrationTests;

public sealed class SecretTests
{
    [Fact]
    public async Task Full_session_with_token_refresh_never_logs_a_secret_or_token()
    {
        await using var host = await SessionHost.StartAsync();
        host.Logs.Expect(1028).Expect(1026).Expect(1003);
        var persisted = new TestProbe<OAuthTokens>();
        var session = host.CreateRefreshingSession(persisted);
        var notices = new StreamProbe();
        await using var subscription = session.SubscribeTrading(callback: notices.Tell);
        await session.SubscribeSpotsAsync(SessionHost.Demo1, [1]).OrTimeout();
        await session.RefreshTokensAsync().OrTimeout();
        var fresh = await persisted.ExpectAsync();
        await notices.NoticeAsync<Publishing.AccountReconciled>();
        var refused = await Assert.ThrowsAsync<GatewayAccountException>(() => session.AuthorizeAccountAsync(SessionHost.LiveAccount).OrTimeout());
        await host.Server.Faults.StopListenerAsync();
        host.Server.Faults.DropAllConnections();
        await host.Server.Faults.StartListenerAsync();
        await notices.NoticeAsync<Publishing.SessionRestored>();

        string[] secrets = [SessionHost.Secret, SessionHost.AccessToken, SessionHost.RefreshToken, fresh.AccessToken, fresh.RefreshToken!];
        var written = host.Logs.Entries.Select(e => e.Message + " " + e.Exception).Append(refused.ToString()).Append(fresh.ToString()).ToList();
        Assert.True(written.Count > 20, "the session should have logged its steps");
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(written, text => text.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Wrong_secret_rejection_message_does_not_carry_the_secret()
    {
        await using var host = await SessionHost.StartAsync();
        host.Logs.Expect(1024).Expect(1006);
        var session = host.CreateSession(o => o.ClientSecret = "my-wrong-secret");

        var error = await Assert.ThrowsAsync<GatewayRejectedException>(() => session.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq()).OrTimeout());

        Assert.DoesNotContain("my-wrong-secret", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Entries, e => (e.Message + e.Exception).Contains("my-wrong-secret", StringComparison.Ordinal));
    }
}
