using System.Threading.Channels;
using ActorGateway.Actors;
using ActorGateway.Diagnostics;
using ActorGateway.Protocol;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Publishing;

/// <summary>
/// The actor that broadcasts what the server sends unasked (and the session's notices) to subscribers. It is fed by the
/// connection actor's inbound seam and is the only producer of every subscriber queue; it never waits for a subscriber,
/// so one that is slow or stuck holds back only itself. Its mailbox is unbounded like the connection actor's: it only
/// moves items into bounded queues, so it drains as fast as events arrive.
/// </summary>
internal sealed class Publisher : IInboundSink, IAsyncDisposable
{
    // Events handed to subscribers in one go; bounds how long a batch holds events back from the first subscriber.
    private const int BatchSize = 256;

    private readonly Channel<Mail> _mailbox = Channel.CreateUnbounded<Mail>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly List<ISubscriber> _subscribers = [];
    private readonly EventKeys _keys = new();
    private readonly EventBatch _batch = new(BatchSize);
    private readonly HashSet<(long Account, long Symbol)> _warned = [];
    private readonly Func<long, long, bool> _isSubscribed;
    private readonly ILogger _log;
    private readonly Action<long> _dropped;
    private readonly Task _loop;

    /// <param name="isSubscribed">Whether the session ever subscribed to market data of (account, symbol).</param>
    /// <param name="log">Where overflows, failing callbacks and market-data mistakes are reported.</param>
    /// <param name="dropped">Told how many events a subscriber dropped, batch by batch (the metrics).</param>
    public Publisher(Func<long, long, bool> isSubscribed, ILogger log, Action<long>? dropped = null)
    {
        _dropped = dropped ?? (_ => { });
        _isSubscribed = isSubscribed;
        _log = log;
        _loop = RunAsync();
    }

    /// <summary>Adds a subscriber; its stream starts with the next event published.</summary>
    public GatewaySubscription<T> Subscribe<T>(SubscriptionOptions options, Action<StreamItem<T>>? callback)
        where T : class, IMessage
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var types = options.PayloadTypes ?? PayloadTypesOf<T>();
        var filter = new SubscriptionFilter(types, options.AccountId, options.SymbolIds);
        var name = typeof(T).Name;
        var queue = new SubscriberQueue<T>(filter, options.Capacity, options.Overflow, dropped => _log.SubscriberOverflow(name, dropped));
        var subscription = new GatewaySubscription<T>(queue, s => Post(new Mail(null, 0, new RemoveSubscriber(s))));
        if (callback is not null)
        {
            subscription.RunCallback(callback, e => _log.SubscriberCallbackFailed(name, e));
        }

        Post(new Mail(null, 0, new AddSubscriber(queue)));
        return subscription;
    }

    /// <summary>Tells every subscriber something about the connection or session.</summary>
    public void Notify(GatewayNotice notice) => Post(new Mail(null, 0, notice));

    public void OnMessage(in OpenApiMessage message)
    {
        // Replies are published too (the registry's event kinds would hide a foreign client's replies); filters decide.
        Post(new Mail(message.Payload, message.PayloadType, null));
    }

    public void OnConnected(GatewayEndpoint endpoint, int epoch) => Notify(new ConnectionEstablished(endpoint));

    public void OnDisconnected(GatewayEndpoint endpoint, GatewayConnectionException reason)
    {
        Notify(new ConnectionLost(endpoint, reason));
        Notify(new EventsLost(null, GapReason.Reconnect));
    }

    public void OnConnectFailed(GatewayEndpoint endpoint, GatewayConnectionException reason, int retryCount)
    {
        // A failed attempt changes nothing a subscriber sees: the loss was reported when the connection went.
    }

    /// <summary>Delivers what is queued, then ends every subscriber's stream.</summary>
    public async ValueTask DisposeAsync()
    {
        _mailbox.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private void Post(in Mail mail) => _mailbox.Writer.TryWrite(mail);

    private static uint[]? PayloadTypesOf<T>()
        where T : class, IMessage =>
        typeof(T) == typeof(IMessage) ? null
            : [.. Protocol.Registry.PayloadRegistry.All.Where(i => i.ClrType == typeof(T)).Select(i => i.PayloadType)];

    private async Task RunAsync()
    {
        var reader = _mailbox.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var mail))
            {
                try
                {
                    Handle(mail);
                }
                catch (Exception e)
                {
                    _batch.Clear();
                    _log.ActorFault("a publisher message", e);
                }
            }

            FanOut();
        }

        foreach (var subscriber in _subscribers)
        {
            subscriber.Complete();
        }
    }

    private void Handle(in Mail mail)
    {
        if (mail.Command is null)
        {
            _batch.Add(mail.Message!, mail.PayloadType);
            if (_batch.IsFull)
            {
                FanOut();
            }

            return;
        }

        FanOut(); // what came before the command goes out before it
        switch (mail.Command)
        {
            case GatewayNotice notice:
                _subscribers.ForEach(s => s.Notify(notice));
                break;
            case AddSubscriber add:
                _subscribers.Add(add.Subscriber);
                WarnIfNeverSubscribed(add.Subscriber.Filter);
                break;
            case RemoveSubscriber remove:
                _subscribers.Remove(remove.Subscriber);
                break;
        }
    }

    private void FanOut()
    {
        if (_batch.Count == 0)
        {
            return;
        }

        foreach (var subscriber in _subscribers)
        {
            if (subscriber.Filter.NeedsKeys)
            {
                _batch.ReadKeys(_keys);
            }

            var lost = subscriber.Offer(_batch);
            if (lost > 0)
            {
                _dropped(lost);
            }
        }

        _batch.Clear();
    }

    private void WarnIfNeverSubscribed(SubscriptionFilter filter)
    {
        if (filter.AccountId is not { } account || filter.SymbolIds is not { } symbols || !filter.WantsAnyOf(EventStreams.MarketData))
        {
            return;
        }

        foreach (var symbol in symbols)
        {
            if (!_isSubscribed(account, symbol) && _warned.Add((account, symbol)))
            {
                _log.MarketDataNotSubscribed(account, symbol);
            }
        }
    }

    /// <summary>One mailbox item: an event to fan out (Command null), a notice, or a change of subscribers.</summary>
    private readonly record struct Mail(IMessage? Message, uint PayloadType, object? Command);

    private sealed record AddSubscriber(ISubscriber Subscriber);

    private sealed record RemoveSubscriber(ISubscriber Subscriber);
}
