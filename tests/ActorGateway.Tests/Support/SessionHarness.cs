using ActorGateway.Protocol.Messages;
using ActorGateway.Session;
using ActorGateway.TestKit;
using Google.Protobuf;

namespace ActorGateway.Tests.Support;

/// <summary>
/// A session over the in-memory transport and a fake clock, where the test plays the server frame by frame: the way to
/// check exactly what the session writes, and in which order. Disposing it fails the test on unexpected warnings.
/// </summary>
internal sealed class SessionHarness : IAsyncDisposable
{
    public const long Account = 1;
    public const string AccessToken = "harness-access-token";
    public const string RefreshToken = "harness-refresh-token";

    public SessionHarness(Action<SessionOptions>? configure = null)
    {
        var options = Options(Time, Transport, Logs);
        configure?.Invoke(options);
        System = VirtualTimeSystem.Create(Time);
        Session = new GatewaySession(System, options);
    }

    /// <summary>The actor system the session's gateway lives in, on the harness's virtual time.</summary>
    public Akka.Actor.ActorSystem System { get; }

    public FakeTimeProvider Time { get; } = new();

    public InMemoryTransportFactory Transport { get; } = new();

    public LogCollector Logs { get; } = new();

    public GatewaySession Session { get; }

    /// <summary>A session's options over <paramref name="transport"/> and <paramref name="time"/>, the harness's credentials.</summary>
    public static SessionOptions Options(FakeTimeProvider time, InMemoryTransportFactory transport, LogCollector logs, string name = "default") => new()
    {
        ClientId = "harness-client",
        ClientSecret = "harness-secret",
        AccessToken = AccessToken,
        Gateway = new GatewayOptions
        {
            Name = name,
            Hosts = ["test-host"],
            TimeProvider = time,
            TransportFactory = transport,
            LoggerFactory = logs,
            RetryPolicy = new RecordingRetryPolicy(),
        },
    };

    /// <summary>Reads the next request, checks its type, and answers it with <paramref name="reply"/> under its clientMsgId.</summary>
    public static async Task<TRequest> AnswerAsync<TRequest>(InMemoryServer server, IMessage reply)
        where TRequest : IMessage
    {
        var (request, clientMsgId) = await server.ExpectAsync<TRequest>();
        await server.SendAsync(reply, clientMsgId);
        return request;
    }

    /// <summary>Answers the first start: application auth.</summary>
    public static Task<ProtoOAApplicationAuthReq> AnswerApplicationAuthAsync(InMemoryServer server) =>
        AnswerAsync<ProtoOAApplicationAuthReq>(server, new ProtoOAApplicationAuthRes());

    /// <summary>Answers an account's first authorization: the grant check, then the auth itself.</summary>
    public static async Task<ProtoOAAccountAuthReq> AnswerFirstAccountAuthAsync(InMemoryServer server, long account = Account)
    {
        await AnswerAsync<ProtoOAGetAccountListByAccessTokenReq>(server, new ProtoOAGetAccountListByAccessTokenRes
        {
            AccessToken = "(not echoed)",
            CtidTraderAccount = { new ProtoOACtidTraderAccount { CtidTraderAccountId = (ulong)account, IsLive = false } },
        });
        return await AnswerAsync<ProtoOAAccountAuthReq>(server, new ProtoOAAccountAuthRes { CtidTraderAccountId = account });
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        await System.Terminate();
        Logs.AssertNoUnexpectedEntries();
    }
}
