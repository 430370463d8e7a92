using ActorGateway.Resilience;
using Akka.Actor;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Session;

/// <summary>
/// A trading session that survives reconnects, for Task code: a thin facade over the session actor (see
/// <see cref="Actor"/>), which actors talk to by messages. Nothing happens until the first call: it connects and
/// authenticates the application, and callers that arrive meanwhile wait on that same attempt (a refusal fails all of
/// them with the same <see cref="GatewayRejectedException"/>). Accounts are authorized when first used and kept;
/// market-data subscriptions are kept in a book. After every reconnect the session authenticates again, authorizes each
/// account, renews each subscription and reconciles each account (published as <see cref="Publishing.AccountReconciled"/>)
/// before any held request goes out; subscribers see the gap. Thread-safe.
/// </summary>
public sealed partial class GatewaySession : IGatewaySession
{
    private readonly GatewayClient _client;
    private readonly SessionSettings _settings;
    private readonly SessionStatus _status = new();
    private readonly ILogger _log;
    private int _disposed;

    /// <summary>Creates a session in an actor system of its own; it connects on the first call.</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message names the setting, never a secret.</exception>
    public GatewaySession(SessionOptions options)
        : this(null, options)
    {
    }

    /// <summary>
    /// Creates a session whose actors live in <paramref name="system"/> (null: a system of its own) under
    /// <c>/user/gateway-{name}</c>, so its timers run on that system's scheduler; it connects on the first call.
    /// </summary>
    /// <exception cref="ArgumentException">The options are not valid; the message names the setting, never a secret.</exception>
    public GatewaySession(ActorSystem? system, SessionOptions options)
        : this(system, options, wait: true, parent: null)
    {
    }

    private GatewaySession(ActorSystem? system, SessionOptions options, bool wait, IActorRefFactory? parent)
    {
        var settings = _settings = SessionSettings.From(options);
        var core = GatewaySettings.From(options.Gateway);
        _log = core.LoggerFactory.CreateLogger<GatewaySession>();
        var book = new SubscriptionBook();
        Symbols = new SymbolCatalog(this);
        var parts = new SessionParts(book, _status);
        var status = _status;
        _client = new GatewayClient(system, core with
        {
            // Reconnecting while the server refuses the application's credentials would only be refused again.
            RetryPolicy = new SessionRetryPolicy(core.RetryPolicy, () => status.CredentialsRefused),
        }, new SessionHookup((wiring, connection, publisher) => SessionActor.Props(settings, wiring, parts, connection, publisher),
            book.EverSubscribed), [new SymbolChanges(Symbols)], wait, parent);
    }

    /// <summary>
    /// Creates a session as the constructor does, without blocking a thread until its actors have started: for code on
    /// the thread pool that creates many sessions at once, such as actors each owning one (blocking there would starve
    /// the pool that has to start them).
    /// </summary>
    /// <exception cref="ArgumentException">The options are not valid; the message names the setting, never a secret.</exception>
    public static async Task<GatewaySession> CreateAsync(ActorSystem? system, SessionOptions options)
    {
        var session = new GatewaySession(system, options, wait: false, parent: null);
        await session._client.StartedAsync().ConfigureAwait(false);
        return session;
    }

    /// <summary>
    /// Creates a session as <see cref="CreateAsync(ActorSystem?, SessionOptions)"/> does, its top actor
    /// <c>gateway-{name}</c> a child of the actor whose <paramref name="parent"/> context this is, so that actor supervises
    /// the session and its connection (and stopping it stops them). Call it on that actor's own turn, e.g. in its
    /// <c>PreStart</c>: the child is created before this method returns its task.
    /// </summary>
    /// <remarks>
    /// The gateway actor's own strategy restarts a failing connection actor ten times a minute, then escalates. The parent
    /// should then stop it rather than restart it: a restarted gateway actor makes new children, which this session's refs
    /// (<see cref="Actor"/>, <see cref="Publisher"/>) would not know.
    /// </remarks>
    /// <exception cref="ArgumentException">The options are not valid (the task fails with it); the message names the
    /// setting, never a secret.</exception>
    public static async Task<GatewaySession> CreateAsync(IActorContext parent, SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var session = new GatewaySession(parent.System, options, wait: false, parent);
        await session._client.StartedAsync().ConfigureAwait(false);
        return session;
    }

    /// <inheritdoc />
    public IActorRef Actor => _client.Session;

    /// <inheritdoc />
    public IActorRef Publisher => _client.Publisher;

    /// <inheritdoc />
    public GatewayEnvironment Environment => _settings.Environment;

    /// <inheritdoc />
    public ConnectionState State => _client.State;

    /// <inheritdoc />
    public int Reconnects => _status.Reconnects;

    internal SymbolCatalog Symbols { get; }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken = default) =>
        CommandAsync<SessionStarted>(StartSession.Instance, cancellationToken);

    /// <inheritdoc />
    public Task AuthorizeAccountAsync(long accountId, CancellationToken cancellationToken = default) =>
        CommandAsync<AccountAuthorized>(new AuthorizeAccount(accountId), cancellationToken);

    /// <inheritdoc />
    public Task<TResponse> AskAsync<TResponse>(IMessage request, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where TResponse : class, IMessage
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _client.AskThrough<TResponse>(_client.Session, request, timeout, cancellationToken);
    }

    /// <inheritdoc />
    public Task RefreshTokensAsync(CancellationToken cancellationToken = default) =>
        CommandAsync<TokensRenewed>(RefreshTokens.Instance, cancellationToken);

    /// <summary>Closes the connection, fails what is pending or held, and ends every subscriber's stream.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _client.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Tells the session actor a command and awaits its answer, within the request timeout.</summary>
    private async Task<TReply> CommandAsync<TReply>(object command, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        try
        {
            return await _client.Session.Ask<TReply>(command, _settings.RequestTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            throw new GatewayTimeoutException("The session", _settings.RequestTimeout, written: false);
        }
    }
}
