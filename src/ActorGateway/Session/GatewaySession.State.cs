using ActorGateway.State;
using Akka.Actor;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Session;

public sealed partial class GatewaySession
{
    // How long a mirror or book waits before asking again after a failed request; the session's restore is what
    // normally brings them back, so this only paces a refusal.
    private static readonly TimeSpan StateRetryInterval = TimeSpan.FromSeconds(5);

    private readonly Lock _stateLock = new();
    private IActorRef? _state;

    /// <inheritdoc />
    public IActorRef StateKeeper
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            lock (_stateLock)
            {
                return _state ??= StateSystem.ActorOf(
                    StateActor.Props(Actor, Publisher, new StateSettings(_client.Settings.LoggerFactory, StateRetryInterval, _settings.RequestTimeout)),
                    $"gateway-{_client.Settings.Name}-state");
            }
        }
    }

    // The session's actors live in the gateway's system; its state actor joins them there.
    private ActorSystem StateSystem => ((ActorRefWithCell)Actor).Underlying.System;

    /// <inheritdoc />
    public async Task<AccountMirror> MirrorAccountAsync(long accountId, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(accountId);
        await AuthorizeAccountAsync(accountId, cancellationToken).ConfigureAwait(false); // a bad account fails here, typed
        var started = await CommandAsync<AccountMirrorStarted>(StateKeeper, new MirrorAccount(accountId), cancellationToken).ConfigureAwait(false);
        var mirror = new AccountMirror(accountId, started.Mirror, StateSystem, _settings.RequestTimeout, _log);
        await StateQuery.AskAsync<AccountSnapshot>(started.Mirror, new GetAccountSnapshot(WhenInSync: true), "The account mirror",
            _settings.RequestTimeout, cancellationToken).ConfigureAwait(false);
        return mirror;
    }

    /// <inheritdoc />
    public async Task<OrderBook> OpenOrderBookAsync(long accountId, long symbolId, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(accountId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(symbolId);
        await GetSymbolNameAsync(accountId, symbolId, cancellationToken).ConfigureAwait(false); // an unknown symbol fails here
        var started = await CommandAsync<OrderBookStarted>(StateKeeper, new StartOrderBook(accountId, symbolId), cancellationToken).ConfigureAwait(false);
        var book = new OrderBook(accountId, symbolId, started.Book, StateSystem, _settings.RequestTimeout, _log);
        await StateQuery.AskAsync<BookSnapshot>(started.Book, new GetBookSnapshot(Levels: 1, WhenLive: true), "The order book",
            _settings.RequestTimeout, cancellationToken).ConfigureAwait(false);
        return book;
    }

    private async Task<TReply> CommandAsync<TReply>(IActorRef target, object command, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return await StateQuery.AskAsync<TReply>(target, command, "The session's state actor", _settings.RequestTimeout, cancellationToken)
            .ConfigureAwait(false);
    }
}
