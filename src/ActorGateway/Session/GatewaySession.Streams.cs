using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using Google.Protobuf;

namespace ActorGateway.Session;

public sealed partial class GatewaySession
{
    /// <inheritdoc />
    public GatewaySubscription<T> Subscribe<T>(SubscriptionOptions? options = null, Action<StreamItem<T>>? callback = null)
        where T : class, IMessage
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return callback is null
            ? GatewaySubscription<T>.Stream(_client.Publisher, options)
            : GatewaySubscription<T>.Callback(_client.Publisher, options, callback, _log);
    }

    /// <inheritdoc />
    public GatewaySubscription<T> Subscribe<T>(SubscriptionOptions? options, Func<StreamItem<T>, ValueTask> callback)
        where T : class, IMessage
    {
        ArgumentNullException.ThrowIfNull(callback);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return GatewaySubscription<T>.Callback(_client.Publisher, options, callback, _log);
    }

    /// <inheritdoc />
    public GatewaySubscription<IMessage> SubscribeTrading(long? accountId = null, Action<StreamItem<IMessage>>? callback = null) =>
        Subscribe(SubscriptionOptions.Trading(accountId), callback);

    /// <inheritdoc />
    public GatewaySubscription<IMessage> SubscribeMarketData(long accountId, IReadOnlyCollection<long>? symbolIds = null,
        Action<StreamItem<IMessage>>? callback = null) =>
        Subscribe(SubscriptionOptions.MarketData(accountId, symbolIds), callback);

    /// <inheritdoc />
    public Task SubscribeSpotsAsync(long accountId, IEnumerable<long> symbolIds, CancellationToken cancellationToken = default) =>
        ChangeAsync(new ProtoOASubscribeSpotsReq { CtidTraderAccountId = accountId, SymbolId = { symbolIds } }, cancellationToken);

    /// <inheritdoc />
    public Task UnsubscribeSpotsAsync(long accountId, IEnumerable<long> symbolIds, CancellationToken cancellationToken = default) =>
        ChangeAsync(new ProtoOAUnsubscribeSpotsReq { CtidTraderAccountId = accountId, SymbolId = { symbolIds } }, cancellationToken);

    /// <inheritdoc />
    public Task SubscribeLiveTrendbarAsync(long accountId, long symbolId, ProtoOATrendbarPeriod period,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(new ProtoOASubscribeLiveTrendbarReq { CtidTraderAccountId = accountId, SymbolId = symbolId, Period = period }, cancellationToken);

    /// <inheritdoc />
    public Task UnsubscribeLiveTrendbarAsync(long accountId, long symbolId, ProtoOATrendbarPeriod period,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(new ProtoOAUnsubscribeLiveTrendbarReq { CtidTraderAccountId = accountId, SymbolId = symbolId, Period = period }, cancellationToken);

    /// <inheritdoc />
    public Task SubscribeDepthAsync(long accountId, IEnumerable<long> symbolIds, CancellationToken cancellationToken = default) =>
        ChangeAsync(new ProtoOASubscribeDepthQuotesReq { CtidTraderAccountId = accountId, SymbolId = { symbolIds } }, cancellationToken);

    /// <inheritdoc />
    public Task UnsubscribeDepthAsync(long accountId, IEnumerable<long> symbolIds, CancellationToken cancellationToken = default) =>
        ChangeAsync(new ProtoOAUnsubscribeDepthQuotesReq { CtidTraderAccountId = accountId, SymbolId = { symbolIds } }, cancellationToken);

    private Task<SubscriptionChanged> ChangeAsync(IMessage request, CancellationToken cancellationToken) =>
        CommandAsync<SubscriptionChanged>(new ChangeSubscription(request), cancellationToken);
}
