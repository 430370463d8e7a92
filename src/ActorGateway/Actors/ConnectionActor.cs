using System.IO.Pipelines;
using System.Threading.Channels;
using ActorGateway.Correlation;
using ActorGateway.Diagnostics;
using ActorGateway.Throttling;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Actors;

/// <summary>
/// The actor that owns the connection: its state machine (connect, reconnect with backoff, close), the queue of
/// requests not yet written, the throttle, the write side of the transport, and the table of requests awaiting their
/// reply. Only its own loop touches this state, so none of it needs a lock. Everything else talks to it through
/// <see cref="Post"/>.
/// </summary>
internal sealed partial class ConnectionActor : IAsyncDisposable
{
    // Above this many unflushed bytes the actor flushes even while more messages wait, so a steady stream still moves.
    private const int FlushThreshold = 64 * 1024;

    private readonly Channel<Mail> _mailbox = Channel.CreateUnbounded<Mail>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly GatewaySettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly IInboundSink _sink;
    private readonly GatewayMetrics _metrics;
    private readonly IOutboundThrottle _throttle;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ITimer _tickTimer;
    private readonly ITimer _retryTimer;
    private readonly Task _loop;
    private int _state; // a ConnectionState, read by other threads through State
    private Connection? _connection;
    private PipeWriter? _output;
    private long _unflushedBytes;

    private long _lastSent;

    public ConnectionActor(GatewaySettings settings, IInboundSink sink, GatewayMetrics metrics)
    {
        _metrics = metrics;
        _settings = settings;
        _time = settings.TimeProvider;
        _log = settings.LoggerFactory.CreateLogger<ConnectionActor>();
        _sink = sink;
        _throttle = settings.Throttle.Enabled ? RateLimiterThrottle.Create(settings.Throttle, _time) : UnlimitedThrottle.Instance;
        _queues = [new(), new(), new()];
        _throttleTimers = [.. _queues.Select((_, i) => CreateThrottleTimer((Protocol.Registry.RateClass)i))];
        _retryTimer = _time.CreateTimer(static s => ((ConnectionActor)s!).Post(RetryDelayElapsed.Instance), this,
            Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _tickTimer = _time.CreateTimer(static s => ((ConnectionActor)s!).OnTimerTick(), this, settings.TickInterval, settings.TickInterval);
        _loop = RunAsync();
    }

    public ConnectionState State => (ConnectionState)Volatile.Read(ref _state);

    /// <summary>Puts a message in the mailbox; false once the actor has shut down.</summary>
    public bool Post(IConnectionMessage message) => _mailbox.Writer.TryWrite(Mail.Of(message));

    public async ValueTask DisposeAsync()
    {
        Post(Shutdown.Instance);
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void SetState(ConnectionState state) => Volatile.Write(ref _state, (int)state);

    private async Task RunAsync()
    {
        var reader = _mailbox.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var mail))
            {
                try
                {
                    if (mail.Message is { } message)
                    {
                        await HandleAsync(message).ConfigureAwait(false);
                    }
                    else
                    {
                        OnFrame(mail.Source!, mail.Frame);
                    }

                    if (_unflushedBytes >= FlushThreshold)
                    {
                        await FlushAsync().ConfigureAwait(false);
                    }
                }
                catch (Exception e)
                {
                    // A bug in a handler must not kill the actor: log it and go on with the next message.
                    _log.ActorFault(mail.Message?.GetType().Name ?? "a frame", e);
                }
            }

            await FlushAsync().ConfigureAwait(false);
        }
    }

    private ValueTask HandleAsync(IConnectionMessage message)
    {
        switch (message)
        {
            case IPendingRequest request:
                OnRequest(request);
                break;
            case Tick:
                OnTick();
                break;
            case ThrottleReopened reopened:
                Pump(reopened.RateClass);
                break;
            case FrameRejected rejected:
                OnFrameRejected(rejected);
                break;
            case OpenGate open:
                OnOpenGate(open);
                break;
            case Connect connect:
                OnConnect(connect);
                break;
            case TransportOpened opened:
                return OnTransportOpenedAsync(opened);
            case ConnectAttemptFailed failed:
                OnConnectAttemptFailed(failed);
                break;
            case RetryDelayElapsed:
                OnRetryDelayElapsed();
                break;
            case ConnectionBroken broken:
                return OnConnectionBrokenAsync(broken);
            case Shutdown:
                return OnShutdownAsync();
        }

        return ValueTask.CompletedTask;
    }

    private void OnTimerTick()
    {
        // Checked here, off the loop, so a connection stalled in a flush is still found dead.
        Volatile.Read(ref _connection)?.BreakIfSilent(_settings.ServerSilenceTimeout);
        Post(Tick.Instance);
    }

    private void OnTick()
    {
        var now = _time.GetTimestamp();
        SweepDeadlines(now);
        if (State == ConnectionState.Connected && _time.GetElapsedTime(_lastSent, now) >= _settings.HeartbeatInterval)
        {
            WriteHeartbeat();
        }
    }

    private async ValueTask OnShutdownAsync()
    {
        SetState(ConnectionState.Disposed);
        _mailbox.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _tickTimer.DisposeAsync().ConfigureAwait(false);
        await _retryTimer.DisposeAsync().ConfigureAwait(false);
        foreach (var timer in _throttleTimers)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }

        (_throttle as IDisposable)?.Dispose();
        var reason = new GatewayConnectionException(ConnectionFailureKind.Disposed, "The gateway client was disposed.");
        if (_connection is { } connection)
        {
            _connection = null;
            _output = null;
            connection.Break(reason);
            await connection.DisposeAsync().ConfigureAwait(false);
            _sink.OnDisconnected(connection.Endpoint, reason);
        }

        FailInFlight(reason);
        FailRestoreQueue(reason);
        FailQueued(reason.Kind, reason.Message, null);
        FailConnectWaiters(reason);
    }
}
