using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using ActorGateway.State;
using Akka.Actor;
using Google.Protobuf;

namespace ActorGateway.Session;

/// <summary>
/// The front door for Task code: a session that connects and authenticates by itself, authorizes accounts on first use,
/// keeps subscriptions and tokens alive through reconnects, and publishes what the server sends. The typed helpers of
/// <see cref="GatewayClientExtensions"/> and <see cref="GatewayTradingExtensions"/> (orders, history, accounts) work on
/// it as on any <see cref="IGatewayRequester"/>. Actors talk to <see cref="Actor"/> instead.
/// </summary>
public interface IGatewaySession : IGatewayRequester, IAsyncDisposable
{
    /// <summary>
    /// The session actor. Tell it a request (or a <see cref="GatewayRequest"/>): it goes out once the session is ready
    /// and its account authorized, and the reply comes back to the sender as the response message or
    /// <c>Status.Failure</c>. It also takes <see cref="StartSession"/>, <see cref="AuthorizeAccount"/>,
    /// <see cref="ChangeSubscription"/>, <see cref="RefreshTokens"/> and <see cref="SubscribeEvents"/>.
    /// </summary>
    public IActorRef Actor { get; }

    /// <summary>The publisher, for actors that subscribe to events directly.</summary>
    public IActorRef Publisher { get; }

    /// <summary>
    /// The parent of the session's account mirrors and order books, made on first use: Tell it
    /// <see cref="MirrorAccount"/> or <see cref="StartOrderBook"/> to get the actor of one.
    /// </summary>
    public IActorRef StateKeeper { get; }

    /// <summary>The environment of the session's endpoint; accounts of the other one are refused.</summary>
    public GatewayEnvironment Environment { get; }

    /// <summary>Where the connection underneath stands.</summary>
    public ConnectionState State { get; }

    /// <summary>How many times the session was restored after losing its connection.</summary>
    public int Reconnects { get; }

    /// <summary>Connects and authenticates the application, unless done already (every call does this by itself).</summary>
    /// <exception cref="GatewayRejectedException">The server refused the application's credentials.</exception>
    /// <exception cref="GatewayConnectionException">No connection could be made.</exception>
    /// <exception cref="GatewayTimeoutException">Not ready within the request timeout.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default);

    /// <summary>Authorizes a trading account, unless done already; requests naming an account do this by themselves.</summary>
    /// <exception cref="GatewayAccountException">The account is of the other environment, not granted, or its tokens are dead.</exception>
    public Task AuthorizeAccountAsync(long accountId, CancellationToken cancellationToken = default);

    /// <summary>Exchanges the refresh token for a new pair now, persists it, and authorizes the accounts with it.</summary>
    /// <exception cref="InvalidOperationException">No refresh token is configured.</exception>
    /// <exception cref="GatewayAccountException">The server refused the refresh token.</exception>
    public Task RefreshTokensAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Events of type <typeparamref name="T"/> (<see cref="IMessage"/> for several) as a stream of their own, with
    /// connection and session notices in between: read it with <c>await foreach</c> or as an Akka.Streams source, or
    /// give <paramref name="callback"/>, which is handed the items in order, never two at once (one that throws is
    /// logged and counted).
    /// </summary>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public GatewaySubscription<T> Subscribe<T>(SubscriptionOptions? options = null, Action<StreamItem<T>>? callback = null)
        where T : class, IMessage;

    /// <summary>The same with an async callback: the next item waits until it completes.</summary>
    public GatewaySubscription<T> Subscribe<T>(SubscriptionOptions? options, Func<StreamItem<T>, ValueTask> callback)
        where T : class, IMessage;

    /// <summary>Executions, order errors, trader and margin updates, token and disconnect events (see <see cref="SubscriptionOptions.Trading"/>).</summary>
    public GatewaySubscription<IMessage> SubscribeTrading(long? accountId = null, Action<StreamItem<IMessage>>? callback = null);

    /// <summary>
    /// Spots (with live trendbars) and depth of an account, optionally of some symbols. Listening to a symbol the session
    /// never subscribed to logs a warning once, since nothing would arrive.
    /// </summary>
    public GatewaySubscription<IMessage> SubscribeMarketData(long accountId, IReadOnlyCollection<long>? symbolIds = null,
        Action<StreamItem<IMessage>>? callback = null);

    /// <summary>Subscribes to spot prices; kept across reconnects. Symbols already subscribed are not asked again.</summary>
    /// <exception cref="GatewayRejectedException">The server refused (e.g. SYMBOL_NOT_FOUND); nothing is kept.</exception>
    public Task SubscribeSpotsAsync(long accountId, IEnumerable<long> symbolIds, CancellationToken cancellationToken = default);

    /// <summary>Unsubscribes from spot prices (and the symbols' live trendbars, as the server does).</summary>
    public Task UnsubscribeSpotsAsync(long accountId, IEnumerable<long> symbolIds, CancellationToken cancellationToken = default);

    /// <summary>Subscribes to live trendbars of one period (they ride on the symbol's spots, so subscribe those first).</summary>
    public Task SubscribeLiveTrendbarAsync(long accountId, long symbolId, ProtoOATrendbarPeriod period, CancellationToken cancellationToken = default);

    /// <summary>Unsubscribes from live trendbars of one period.</summary>
    public Task UnsubscribeLiveTrendbarAsync(long accountId, long symbolId, ProtoOATrendbarPeriod period, CancellationToken cancellationToken = default);

    /// <summary>Subscribes to depth quotes; kept across reconnects.</summary>
    public Task SubscribeDepthAsync(long accountId, IEnumerable<long> symbolIds, CancellationToken cancellationToken = default);

    /// <summary>Unsubscribes from depth quotes.</summary>
    public Task UnsubscribeDepthAsync(long accountId, IEnumerable<long> symbolIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Mirrors an account (opt-in; one mirror per account, shared by callers): positions, working orders and balance,
    /// kept from its events and replaced by the reconcile after every gap. Completes once the mirror is in sync.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="accountId"/> is not positive.</exception>
    /// <exception cref="GatewayAccountException">The account cannot be authorized.</exception>
    /// <exception cref="GatewayTimeoutException">The mirror was not in sync within the request timeout.</exception>
    public Task<AccountMirror> MirrorAccountAsync(long accountId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps the symbol's order book from depth quotes (one book per account and symbol, shared by callers); the book
    /// subscribes to the depth afresh, so its first event is the whole book. Completes once the book is live.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    /// <exception cref="ArgumentException">The account has no such symbol.</exception>
    /// <exception cref="GatewayTimeoutException">The book was not live within the request timeout.</exception>
    public Task<OrderBook> OpenOrderBookAsync(long accountId, long symbolId, CancellationToken cancellationToken = default);

    /// <summary>The account's symbols (light descriptions), asked once and kept until a SymbolChangedEvent.</summary>
    public Task<IReadOnlyList<ProtoOALightSymbol>> GetSymbolsAsync(long accountId, CancellationToken cancellationToken = default);

    /// <summary>The id of the account's symbol called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The account has no such symbol.</exception>
    public Task<long> GetSymbolIdAsync(long accountId, string name, CancellationToken cancellationToken = default);

    /// <summary>The name of the account's symbol <paramref name="symbolId"/>.</summary>
    /// <exception cref="ArgumentException">The account has no such symbol.</exception>
    public Task<string> GetSymbolNameAsync(long accountId, long symbolId, CancellationToken cancellationToken = default);

    /// <summary>The full specification of one symbol (digits, volumes, trading hours...), asked once and kept.</summary>
    public Task<ProtoOASymbol> GetSymbolAsync(long accountId, long symbolId, CancellationToken cancellationToken = default);

    /// <summary>The account's assets (currencies and others), asked once and kept.</summary>
    public Task<IReadOnlyList<ProtoOAAsset>> GetAssetsAsync(long accountId, CancellationToken cancellationToken = default);

    /// <summary>The id of the account's asset called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The account has no such asset.</exception>
    public Task<long> GetAssetIdAsync(long accountId, string name, CancellationToken cancellationToken = default);

    /// <summary>The name of the account's asset <paramref name="assetId"/>.</summary>
    /// <exception cref="ArgumentException">The account has no such asset.</exception>
    public Task<string> GetAssetNameAsync(long accountId, long assetId, CancellationToken cancellationToken = default);
}
