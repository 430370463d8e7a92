using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using Google.Protobuf;

namespace ActorGateway.Session;

public sealed partial class GatewaySession
{
    /// <summary>
    /// Subscribes to events of type <typeparamref name="T"/> (<see cref="IMessage"/> for several) as a stream of their
    /// own, with connection and session notices in between. With <paramref name="callback"/>, the stream is read for
    /// you on a task of its own; a callback that throws is logged and counted and never affects anything else.
    /// </summary>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public GatewaySubscription<T> Subscribe<T>(SubscriptionOptions? options = null, Action<StreamItem<T>>? callback = null)
        where T : class, IMessage
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _publisher.Subscribe(options ?? new SubscriptionOptions(), callback);
    }

    /// <summary>
    /// The trading stream: executions, order errors, trader and margin updates, token-invalidated and disconnect
    /// events (see <see cref="SubscriptionOptions.Trading"/> for its queue).
    /// </summary>
    public GatewaySubscription<IMessage> SubscribeTrading(long? accountId = null, Action<StreamItem<IMessage>>? callback = null) =>
        Subscribe(SubscriptionOptions.Trading(accountId), callback);

    /// <summary>
    /// The market-data stream: spots (with live trendbars) and depth. Listening to a symbol the session never subscribed
    /// to logs a warning once, since nothing would arrive.
    /// </summary>
    public GatewaySubscription<IMessage> SubscribeMarketData(long accountId, IReadOnlyCollection<long>? symbolIds = null,
        Action<StreamItem<IMessage>>? callback = null) =>
        Subscribe(SubscriptionOptions.MarketData(accountId, symbolIds), callback);

    /// <summary>Subscribes to spot prices; kept across reconnects. Symbols already subscribed are not asked again.</summary>
    /// <exception cref="GatewayRejectedException">The server refused (e.g. SYMBOL_NOT_FOUND); nothing is kept.</exception>
    public Task SubscribeSpotsAsync(long accountId, IEnumerable<long> symbolIds, CancellationToken cancellationToken = default) =>
        ChangeAsync(accountId, new ProtoOASubscribeSpotsReq { CtidTraderAccountId = accountId, SymbolId = { symbolIds } }, cancellationToken);

    /// <summary>Unsubscribes from spot prices (and the symbols' live trendbars, as the server does).</summary>
    public Task UnsubscribeSpotsAsync(long accountId, IEnumerable<long> symbolIds, CancellationToken cancellationToken = default) =>
        ChangeAsync(accountId, new ProtoOAUnsubscribeSpotsReq { CtidTraderAccountId = accountId, SymbolId = { symbolIds } }, cancellationToken);

    /// <summary>Subscribes to live trendbars of one period (they ride on the symbol's spots, so subscribe those first).</summary>
    public Task SubscribeLiveTrendbarAsync(long accountId, long symbolId, ProtoOATrendbarPeriod period,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(accountId, new ProtoOASubscribeLiveTrendbarReq { CtidTraderAccountId = accountId, SymbolId = symbolId, Period = period },
            cancellationToken);

    /// <summary>Unsubscribes from live trendbars of one period.</summary>
    public Task UnsubscribeLiveTrendbarAsync(long accountId, long symbolId, ProtoOATrendbarPeriod period,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(accountId, new ProtoOAUnsubscribeLiveTrendbarReq { CtidTraderAccountId = accountId, SymbolId = symbolId, Period = period },
            cancellationToken);

    /// <summary>Subscribes to depth quotes; kept across reconnects.</summary>
    public Task SubscribeDepthAsync(long accountId, IEnumerable<long> symbolIds, CancellationToken cancellationToken = default) =>
        ChangeAsync(accountId, new ProtoOASubscribeDepthQuotesReq { CtidTraderAccountId = accountId, SymbolId = { symbolIds } },
            cancellationToken);

    /// <summary>Unsubscribes from depth quotes.</summary>
    public Task UnsubscribeDepthAsync(long accountId, IEnumerable<long> symbolIds, CancellationToken cancellationToken = default) =>
        ChangeAsync(accountId, new ProtoOAUnsubscribeDepthQuotesReq { CtidTraderAccountId = accountId, SymbolId = { symbolIds } },
            cancellationToken);

    /// <summary>The account's symbols (light descriptions), asked once and kept until a SymbolChangedEvent.</summary>
    public async Task<IReadOnlyList<ProtoOALightSymbol>> GetSymbolsAsync(long accountId, CancellationToken cancellationToken = default) =>
        (await Symbols.ListAsync(accountId).WaitAsync(cancellationToken).ConfigureAwait(false)).Symbol;

    /// <summary>The id of the account's symbol called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The account has no such symbol.</exception>
    public async Task<long> GetSymbolIdAsync(long accountId, string name, CancellationToken cancellationToken = default)
    {
        var symbols = await GetSymbolsAsync(accountId, cancellationToken).ConfigureAwait(false);
        return symbols.FirstOrDefault(s => string.Equals(s.SymbolName, name, StringComparison.OrdinalIgnoreCase))?.SymbolId
            ?? throw new ArgumentException($"Account {accountId} has no symbol named '{name}'.", nameof(name));
    }

    /// <summary>The full specification of one symbol (digits, volumes, trading hours...), asked once and kept.</summary>
    public Task<ProtoOASymbol> GetSymbolAsync(long accountId, long symbolId, CancellationToken cancellationToken = default) =>
        Symbols.DetailsAsync(accountId, symbolId).WaitAsync(cancellationToken);

    private async Task ChangeAsync(long accountId, IMessage request, CancellationToken cancellationToken)
    {
        await AuthorizeAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
        await AwaitActorAsync(w => new SessionActor.ChangeSubscription(accountId, request, w), cancellationToken).ConfigureAwait(false);
    }
}
