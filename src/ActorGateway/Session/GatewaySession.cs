using ActorGateway.Diagnostics;
using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using ActorGateway.Publishing;
using Google.Protobuf;

namespace ActorGateway.Session;

/// <summary>
/// A trading session over one connection that survives reconnects. Nothing happens until the first call: it connects
/// and authenticates the application, and callers that arrive meanwhile wait on that same attempt (a refusal fails all
/// of them with the same <see cref="GatewayRejectedException"/>). Accounts are authorized when first used and kept;
/// market-data subscriptions are kept in a book. After every reconnect the session authenticates again, authorizes each
/// account, renews each subscription and reconciles each account (published as <see cref="AccountReconciled"/>) before
/// any queued request goes out; subscribers see the gap. Thread-safe.
/// </summary>
public sealed partial class GatewaySession : IAsyncDisposable
{
    private readonly GatewayClient _client;
    private readonly SessionActor _actor;
    private readonly Publisher _publisher;
    private readonly SessionSettings _settings;
    private readonly TimeProvider _time;
    private int _disposed;

    /// <summary>Creates a session in an actor system of its own; it connects on the first call.</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message names the setting, never a secret.</exception>
    public GatewaySession(SessionOptions options)
        : this(null, options)
    {
    }

    /// <summary>
    /// Creates a session whose gateway lives in <paramref name="system"/> (null: a system of its own), so its timers run
    /// on that system's scheduler; it connects on the first call.
    /// </summary>
    /// <exception cref="ArgumentException">The options are not valid; the message names the setting, never a secret.</exception>
    public GatewaySession(Akka.Actor.ActorSystem? system, SessionOptions options)
    {
        _settings = SessionSettings.From(options);
        var core = GatewaySettings.From(options.Gateway);
        _time = core.TimeProvider;
        var book = new SubscriptionBook();
        var metrics = new GatewayMetrics(core.Name);
        _publisher = new Publisher(book.EverSubscribed,
            Microsoft.Extensions.Logging.LoggerFactoryExtensions.CreateLogger<GatewaySession>(core.LoggerFactory), metrics.EventsDropped);
        Symbols = new SymbolCatalog(
            account => AskAsync<ProtoOASymbolsListRes>(new ProtoOASymbolsListReq { CtidTraderAccountId = account }),
            (account, symbol) => AskAsync<ProtoOASymbolByIdRes>(new ProtoOASymbolByIdReq { CtidTraderAccountId = account, SymbolId = { symbol } }));
        _actor = new SessionActor(_settings, _publisher, book, Symbols, core.LoggerFactory, _time);
        _client = new GatewayClient(system, core with
        {
            HoldRequestsUntilRestored = true,
            RetryPolicy = new SessionRetryPolicy(core.RetryPolicy, () => _actor.Stopped),
        }, [_publisher, _actor], metrics);
        _actor.Run(_client);
    }

    /// <summary>
    /// The connection underneath, for requests the session does not wrap. Requests made here are held while the session
    /// restores a new connection, but they do not start the session or authorize accounts.
    /// </summary>
    public IGatewayClient Client => _client;

    /// <summary>The environment of the session's endpoint; accounts of the other one are refused.</summary>
    public GatewayEnvironment Environment => _settings.Environment;

    /// <summary>How many times the session was restored after losing its connection.</summary>
    public int Reconnects => _actor.Reconnects;

    internal SymbolCatalog Symbols { get; }

    /// <summary>Connects and authenticates the application, unless done already (every call does this by itself).</summary>
    /// <exception cref="GatewayRejectedException">The server refused the application's credentials.</exception>
    /// <exception cref="GatewayConnectionException">The retry policy gave up connecting.</exception>
    /// <exception cref="GatewayTimeoutException">Not ready within the request timeout.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default) => AwaitActorAsync(w => new SessionActor.Start(w), cancellationToken);

    /// <summary>Authorizes a trading account, unless done already; requests naming an account do this by themselves.</summary>
    /// <exception cref="GatewayAccountException">The account is of the other environment, not granted, or its token is dead.</exception>
    public async Task AuthorizeAccountAsync(long accountId, CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        await AwaitActorAsync(w => new SessionActor.AuthorizeAccount(accountId, w), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a request once the session is ready and the account it names (if any) is authorized, and awaits its reply.
    /// Throws what <see cref="IGatewayClient.AskAsync{TResponse}"/> throws, and <see cref="GatewayAccountException"/>.
    /// </summary>
    public async Task<TResponse> AskAsync<TResponse>(IMessage request, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where TResponse : class, IMessage
    {
        ArgumentNullException.ThrowIfNull(request);
        await StartAsync(cancellationToken).ConfigureAwait(false);
        if (AccountOf(request) is { } accountId)
        {
            await AwaitActorAsync(w => new SessionActor.AuthorizeAccount(accountId, w), cancellationToken).ConfigureAwait(false);
        }

        return await _client.AskAsync<TResponse>(request, timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Exchanges the refresh token for a new pair now (before the access token expires) and persists it.</summary>
    /// <exception cref="InvalidOperationException">No refresh token is configured.</exception>
    /// <exception cref="GatewayAccountException">The server refused the refresh token.</exception>
    public async Task RefreshTokensAsync(CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        await AwaitActorAsync(w => new SessionActor.RefreshTokens(w), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the connection, fails what is pending, and ends every subscriber's stream.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _client.DisposeAsync().ConfigureAwait(false);
        await _actor.DisposeAsync().ConfigureAwait(false);
        await _publisher.DisposeAsync().ConfigureAwait(false);
    }

    private async Task AwaitActorAsync(Func<TaskCompletionSource, SessionActor.ISessionMessage> command, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ObjectDisposedException.ThrowIf(!_actor.Post(command(waiter)), this);
        try
        {
            await waiter.Task.WaitAsync(_settings.RequestTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!waiter.Task.IsCompleted)
        {
            throw new GatewayTimeoutException("The session", _settings.RequestTimeout, written: false);
        }
    }

    private static long? AccountOf(IMessage request)
    {
        // A message that is no payload names no account; the client refuses it with a clear ArgumentException.
        if (PayloadRegistry.All.FirstOrDefault(i => i.ClrType == request.GetType()) is not { HasAccountId: true })
        {
            return null;
        }

        var field = request.Descriptor.FindFieldByName("ctidTraderAccountId");
        return field is not null && field.Accessor.HasValue(request) ? Convert.ToInt64(field.Accessor.GetValue(request),
            System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
