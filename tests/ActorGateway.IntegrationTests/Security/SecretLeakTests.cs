using ActorGateway.IntegrationTests.Support;
using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using ActorGateway.Simulator;
using ActorGateway.TestKit;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace ActorGateway.IntegrationTests.Security;

/// <summary>
/// Requests that carry a credential, taken down every path that produces text: answered, refused, timed out, and the
/// tokens a refresh hands out. Neither the gateway's logs (Trace included) nor the simulator's, nor any exception's
/// <c>ToString()</c>, may carry a client secret, an access token or a refresh token.
/// </summary>
public sealed class SecretLeakTests
{
    private const string WrongSecret = "wrong-secret-4f9c";
    private const string UnknownToken = "unknown-token-7d2e";
    private const string UnknownRefresh = "unknown-refresh-1b8a";
    private static readonly TimeSpan Brief = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task Credentials_never_reach_a_log_at_any_level_nor_an_exception_whether_answered_refused_or_timed_out()
    {
        using var serverLogs = new LogCollector();
        using var clientLogs = new LogCollector();
        await using var server = new SimulatorServer(new SimulatorOptions { Port = 0, UseTls = false }, loggerFactory: serverLogs);
        await server.StartAsync().OrTimeout();
        await using var client = new GatewayClient(SimulatorClientOptions.For(server, clientLogs));
        var errors = new List<Exception>();

        // Timed out: the request (and its credential) was written, and the wait ended without a reply.
        errors.Add(await NeverAnsweredAsync<ProtoOAApplicationAuthReq, ProtoOAApplicationAuthRes>(server, client,
            new ProtoOAApplicationAuthReq { ClientId = SessionHost.ClientId, ClientSecret = SessionHost.Secret }));
        await client.AuthorizeApplicationAsync(SessionHost.ClientId, SessionHost.Secret).OrTimeout();
        errors.Add(await NeverAnsweredAsync<ProtoOAAccountAuthReq, ProtoOAAccountAuthRes>(server, client,
            new ProtoOAAccountAuthReq { CtidTraderAccountId = SessionHost.Demo1, AccessToken = SessionHost.AccessToken }));
        errors.Add(await NeverAnsweredAsync<ProtoOARefreshTokenReq, ProtoOARefreshTokenRes>(server, client,
            new ProtoOARefreshTokenReq { RefreshToken = SessionHost.RefreshToken }));

        // Refused by the server.
        errors.Add(await Assert.ThrowsAnyAsync<GatewayException>(() => client.AuthorizeAccountAsync(SessionHost.Demo1, UnknownToken).OrTimeout()));
        errors.Add(await Assert.ThrowsAnyAsync<GatewayException>(() =>
            client.AskAsync<ProtoOARefreshTokenRes>(new ProtoOARefreshTokenReq { RefreshToken = UnknownRefresh }).OrTimeout()));

        // Answered: a refresh hands out a new pair, which is then used.
        var fresh = await client.AskAsync<ProtoOARefreshTokenRes>(new ProtoOARefreshTokenReq { RefreshToken = SessionHost.RefreshToken }).OrTimeout();
        await client.AuthorizeAccountAsync(SessionHost.Demo1, fresh.AccessToken).OrTimeout();
        await client.AskAsync<ProtoOAGetAccountListByAccessTokenRes>(
            new ProtoOAGetAccountListByAccessTokenReq { AccessToken = fresh.AccessToken }).OrTimeout();

        // A wrong secret, on a client of its own: the server closes after refusing it.
        await using (var wrong = new GatewayClient(SimulatorClientOptions.For(server, clientLogs)))
        {
            errors.Add(await Assert.ThrowsAnyAsync<GatewayException>(() =>
                wrong.AuthorizeApplicationAsync(SessionHost.ClientId, WrongSecret).OrTimeout()));
        }

        string[] secrets = [SessionHost.Secret, WrongSecret, SessionHost.AccessToken, UnknownToken, SessionHost.RefreshToken,
            UnknownRefresh, fresh.AccessToken, fresh.RefreshToken];
        var entries = clientLogs.Entries.Concat(serverLogs.Entries).ToList();
        var written = entries.Select(e => $"{e.Message} {e.Exception}").Concat(errors.Select(e => e.ToString())).ToList();
        Assert.Contains(clientLogs.Entries, e => e.Level == LogLevel.Trace); // Trace was on, and was written to
        Assert.True(written.Count > 20, "the gateway should have logged its steps");
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(written, text => text.Contains(secret, StringComparison.Ordinal));
        }
    }

    // NeverAnswer on its payload type, the request times out, then the fault is lifted.
    private static async Task<Exception> NeverAnsweredAsync<TRequest, TResponse>(SimulatorServer server, GatewayClient client, TRequest request)
        where TRequest : IMessage where TResponse : class, IMessage
    {
        var type = PayloadRegistry.Of<TRequest>().PayloadType;
        server.Faults.NeverAnswer(type);
        try
        {
            var error = await Assert.ThrowsAsync<GatewayTimeoutException>(() => client.AskAsync<TResponse>(request, Brief).OrTimeout());
            Assert.True(error.WasWritten);
            return error;
        }
        finally
        {
            server.Faults.AnswerAgain(type);
        }
    }
}
