using System.Threading.Channels;
using ActorGateway.Actors;
using ActorGateway.Diagnostics;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Session;

/// <summary>
/// The actor that owns the session: its phase, the accounts and their tokens, and the subscription book. It restores
/// every new connection (application auth, each account, each subscription, a reconcile per account) while the core
/// holds user requests back, and reacts to the server's session events. Its loop awaits its own requests one at a time:
/// they are written ahead of the core's gate, so waiting here never waits for itself, and callers that arrive meanwhile
/// simply queue.
/// </summary>
internal sealed partial class SessionActor : IInboundSink, IAsyncDisposable
{
    private readonly Channel<ISessionMessage> _mailbox = Channel.CreateUnbounded<ISessionMessage>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly SessionSettings _settings;
    private readonly Publisher _publisher;
    private readonly SubscriptionBook _book;
    private readonly SymbolCatalog _symbols;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly List<TaskCompletionSource> _readyWaiters = [];
    private readonly List<TaskCompletionSource> _afterRestore = [];
    private readonly Dictionary<long, AccountEntry> _accounts = [];
    private GatewayClient _client = null!;
    private Task _loop = Task.CompletedTask;
    private Phase _phase;
    private int _latestEpoch;   // written by the connection actor's loop through OnConnected
    private int _stopped;       // 1 while the credentials are refused: the retry policy then gives up
    private bool _everReady;
    private int _reconnects;

    public SessionActor(SessionSettings settings, Publisher publisher, SubscriptionBook book, SymbolCatalog symbols,
        ILoggerFactory loggerFactory, TimeProvider time)
    {
        _settings = settings;
        _publisher = publisher;
        _book = book;
        _symbols = symbols;
        _log = loggerFactory.CreateLogger<GatewaySession>();
        _time = time;
        _tokens = settings.Tokens;
    }

    /// <summary>True while the server refuses the application's credentials.</summary>
    public bool Stopped => Volatile.Read(ref _stopped) != 0;

    /// <summary>How many times the session was restored after losing its connection.</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>Starts the loop over <paramref name="client"/>, whose inbound sinks include this actor.</summary>
    public void Run(GatewayClient client)
    {
        _client = client;
        _loop = RunAsync();
    }

    public bool Post(ISessionMessage message) => _mailbox.Writer.TryWrite(message);

    public void OnMessage(in OpenApiMessage message)
    {
        switch (message.Payload)
        {
            case ProtoOAAccountDisconnectEvent or ProtoOAAccountsTokenInvalidatedEvent or ProtoOAClientDisconnectEvent:
                Post(new ServerEvent(message.Payload));
                break;
            case ProtoOASymbolChangedEvent changed:
                _symbols.Invalidate(changed.CtidTraderAccountId, changed.SymbolId);
                break;
        }
    }

    public void OnConnected(GatewayEndpoint endpoint, int epoch)
    {
        Volatile.Write(ref _latestEpoch, epoch);
        Post(new ConnectionUp(epoch));
    }

    public void OnDisconnected(GatewayEndpoint endpoint, GatewayConnectionException reason) => Post(ConnectionDown.Instance);

    public void OnConnectFailed(GatewayEndpoint endpoint, GatewayConnectionException reason, int retryCount)
    {
        // The core retries by itself; the session hears of giving up through ConnectAsync.
    }

    /// <summary>Stops the loop and fails whoever still waits.</summary>
    public async ValueTask DisposeAsync()
    {
        _mailbox.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        var disposed = new ObjectDisposedException(nameof(GatewaySession));
        FailAll(_readyWaiters, disposed);
        FailAll(_afterRestore, disposed);
        foreach (var entry in _accounts.Values)
        {
            FailAll(entry.Waiters, disposed);
        }
    }

    private async Task RunAsync()
    {
        var reader = _mailbox.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var message))
            {
                try
                {
                    await HandleAsync(message).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    _log.ActorFault(message.GetType().Name, e);
                }
            }
        }
    }

    private Task HandleAsync(ISessionMessage message)
    {
        switch (message)
        {
            case Start start:
                return OnStartAsync(start);
            case ConnectionUp up:
                return up.Epoch == Volatile.Read(ref _latestEpoch) ? RestoreAsync(up.Epoch) : Task.CompletedTask;
            case ConnectionDown:
                OnConnectionDown();
                break;
            case ConnectGaveUp gaveUp:
                OnConnectGaveUp(gaveUp);
                break;
            case AuthorizeAccount authorize:
                return OnAuthorizeAccountAsync(authorize);
            case ChangeSubscription change:
                return OnChangeSubscriptionAsync(change);
            case RefreshTokens refresh:
                return OnRefreshTokensAsync(refresh);
            case ServerEvent serverEvent:
                return OnServerEventAsync(serverEvent.Message);
        }

        return Task.CompletedTask;
    }

    private Task OnStartAsync(Start start)
    {
        if (_phase == Phase.Ready)
        {
            start.Waiter.TrySetResult();
            return Task.CompletedTask;
        }

        _readyWaiters.Add(start.Waiter);
        if (_phase == Phase.Starting)
        {
            return Task.CompletedTask;
        }

        _phase = Phase.Starting;
        Volatile.Write(ref _stopped, 0);
        if (_client.State == ConnectionState.Connected)
        {
            // Connected already (the last start failed without losing the connection): restore it as it is.
            return RestoreAsync(Volatile.Read(ref _latestEpoch));
        }

        _ = ConnectAsync();
        return Task.CompletedTask;
    }

    private async Task ConnectAsync()
    {
        try
        {
            await _client.ConnectAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Post(new ConnectGaveUp(e));
        }
    }

    private void OnConnectGaveUp(ConnectGaveUp gaveUp)
    {
        if (_phase == Phase.Starting)
        {
            _phase = Phase.Idle;
            FailAll(_readyWaiters, gaveUp.Reason);
        }
    }

    private void OnConnectionDown()
    {
        foreach (var entry in _accounts.Values)
        {
            entry.AuthorizedWith = null;
        }

        if (_phase == Phase.Ready)
        {
            _phase = Phase.Starting;
        }
    }

    private static void FailAll(List<TaskCompletionSource> waiters, Exception error)
    {
        foreach (var waiter in waiters)
        {
            waiter.TrySetException(error);
        }

        waiters.Clear();
    }

    private static void CompleteAll(List<TaskCompletionSource> waiters)
    {
        foreach (var waiter in waiters)
        {
            waiter.TrySetResult();
        }

        waiters.Clear();
    }

    private void Notify(GatewayNotice notice) => _publisher.Notify(notice);
}
