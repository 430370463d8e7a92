using System.IO.Pipelines;
using System.Threading.Channels;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Exchange;
using ActorGateway.Simulator.Inbound;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Simulator.Sessions;

/// <summary>
/// One client connection, as an actor: a read loop turns socket bytes into <see cref="ConnectionCommand.FrameReceived"/>
/// messages, and a single mailbox loop owns the session (auth, limits, timers) and the write side. Replies are written
/// into the pipe as they are produced and flushed once the mailbox is empty, so a pipelined burst costs one flush.
/// </summary>
internal sealed partial class Connection : IDisposable
{
    // How many decoded frames may wait in the mailbox before the read loop stops reading: the socket's backpressure.
    private const int InboundCredits = 512;

    private readonly Stream _stream;
    private readonly PipeReader _input;
    private readonly InboundReader _frames;
    private readonly PipeWriter _output;
    private readonly SimulatorContext _context;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<ConnectionCommand> _mailbox =
        Channel.CreateUnbounded<ConnectionCommand>(new() { SingleReader = true, AllowSynchronousContinuations = false });
    private readonly SemaphoreSlim _credits = new(InboundCredits);
    private readonly CancellationTokenSource _stop = new();
    private readonly RequestBudget _budget;
    private readonly Queue<(DateTimeOffset Due, byte[] Frame)> _delayed = new();
    private ITimer? _heartbeatTimer;
    private ITimer? _idleTimer;
    private ITimer? _delayTimer;
    private DateTimeOffset _lastInbound;
    private DateTimeOffset _lastOutbound;
    private bool _appAuthenticated;
    private bool _closing;
    private int _dropGeneration;
    private int _messagesSinceArm;
    private int _dropAfter;
    private int _queuedSends;

    public Connection(long id, Stream stream, SimulatorContext context)
    {
        Id = id;
        _stream = stream;
        _context = context;
        _time = context.Time;
        _logger = context.LoggerFactory.CreateLogger<Connection>();
        _input = PipeReader.Create(stream, new StreamPipeReaderOptions(pool: context.InboundPool, leaveOpen: true));
        _output = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        _frames = new InboundReader(_input, context.Options.MaxFrameSize, context.FrameBudget, context.Time,
            context.Options.PartialFrameTimeout);
        _budget = new RequestBudget(context.Options.RateLimits, context.HistoricalRequests);
        (_dropAfter, _dropGeneration) = context.Faults.DropAfterSetting;
    }

    /// <summary>The connection's number, unique within the server.</summary>
    public long Id { get; }

    /// <summary>
    /// Posts a command; false once the connection has stopped. A client that stops reading while the exchange keeps
    /// producing (spots, depth) is cut off once <see cref="SimulatorOptions.MaxQueuedFrames"/> frames are waiting, so it cannot
    /// exhaust the server's memory.
    /// </summary>
    public bool Post(ConnectionCommand command)
    {
        if (command is ConnectionCommand.Send && Interlocked.Increment(ref _queuedSends) > _context.Options.MaxQueuedFrames)
        {
            Abort();
            return false;
        }

        return _mailbox.Writer.TryWrite(command);
    }

    /// <summary>Runs the connection until the client leaves or the server closes it.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        var now = _time.GetUtcNow();
        _lastInbound = _lastOutbound = now;
        _heartbeatTimer = _time.CreateTimer(static s => ((Connection)s!).Post(ConnectionCommand.HeartbeatDue.Instance), this,
            _context.Options.HeartbeatInterval, _context.Options.HeartbeatInterval);
        _idleTimer = _time.CreateTimer(static s => ((Connection)s!).Post(ConnectionCommand.IdleCheckDue.Instance), this,
            _context.Options.IdleTimeout, Timeout.InfiniteTimeSpan);
        var reading = ReadLoopAsync(linked.Token);
        try
        {
            await MailboxLoopAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            Log.Stopped(_logger, Id, e);
        }
        catch (ProtocolException e)
        {
            // A reply the simulator could not encode: a bug, which costs this connection only.
            Log.Failed(_logger, Id, e);
        }
        finally
        {
            await ShutdownAsync(reading).ConfigureAwait(false);
        }
    }

    private async Task MailboxLoopAsync(CancellationToken cancellationToken)
    {
        var reader = _mailbox.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (!_closing && reader.TryRead(out var command))
            {
                Handle(command);
            }

            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (_closing)
            {
                return;
            }
        }
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await _credits.WaitAsync(cancellationToken).ConfigureAwait(false);
                OpenApiMessage? message;
                try
                {
                    message = await _frames.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (ProtocolException e) when (!e.BreaksStream)
                {
                    Post(new ConnectionCommand.BadFrameReceived(e));
                    continue;
                }

                if (message is not { } received)
                {
                    Post(new ConnectionCommand.ReadEnded(null));
                    return;
                }

                Post(new ConnectionCommand.FrameReceived(received));
            }
        }
        catch (Exception e) when (e is ProtocolException or InboundLimitException or IOException or OperationCanceledException
            or ObjectDisposedException)
        {
            Post(new ConnectionCommand.ReadEnded(e));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, but a read loop that died without a word would leave the client unanswered until the idle timeout.
            Log.ReadFailed(_logger, Id, e);
            Post(new ConnectionCommand.ReadEnded(e));
        }
    }

    private void Handle(ConnectionCommand command)
    {
        switch (command)
        {
            case ConnectionCommand.FrameReceived frame:
                _credits.Release();
                OnFrame(frame.Message);
                break;
            case ConnectionCommand.BadFrameReceived bad:
                _credits.Release();
                OnBadFrame(bad.Error);
                break;
            case ConnectionCommand.Send send:
                Interlocked.Decrement(ref _queuedSends);
                Write(send.Message, send.ClientMsgId);
                break;
            case ConnectionCommand.SendAndClose last:
                WriteNow(last.Message, null);
                Close(last.Reason);
                break;
            case ConnectionCommand.ReadEnded ended:
                OnReadEnded(ended.Error);
                break;
            case ConnectionCommand.Drop drop:
                Close(drop.Reason);
                break;
            case ConnectionCommand.HeartbeatDue:
                OnHeartbeatDue();
                break;
            case ConnectionCommand.IdleCheckDue:
                OnIdleCheckDue();
                break;
            case ConnectionCommand.DelayedDue:
                WriteDueDelayed();
                break;
        }
    }

    private void OnReadEnded(Exception? error)
    {
        switch (error)
        {
            case ProtocolException broken:
                var code = broken.Kind == ProtocolErrorKind.FrameTooLarge ? ProtoErrorCode.FrameTooLong : ProtoErrorCode.InvalidRequest;
                WriteNow(ErrorReplies.Common(code, broken.Message), null);
                Log.StreamBroken(_logger, Id, broken.Message);
                break;
            case InboundLimitException limit:
                WriteNow(ErrorReplies.Common(limit.Code, limit.Message), null);
                Log.LimitReached(_logger, Id, limit.Message);
                break;
        }

        Close(error switch
        {
            null => "client closed",
            ProtocolException => "unreadable frame",
            InboundLimitException => "inbound limit",
            _ => error.GetType().Name,
        });
    }

    private void OnHeartbeatDue()
    {
        if (_time.GetUtcNow() - _lastOutbound >= _context.Options.HeartbeatInterval)
        {
            Write(Heartbeat, null);
        }
    }

    private void OnIdleCheckDue()
    {
        var silentFor = _time.GetUtcNow() - _lastInbound;
        if (silentFor >= _context.Options.IdleTimeout)
        {
            Close("idle");
            return;
        }

        _idleTimer?.Change(_context.Options.IdleTimeout - silentFor, Timeout.InfiniteTimeSpan);
    }

    private void Abort()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already shut down.
        }
    }

    private void Close(string reason)
    {
        if (!_closing)
        {
            _closing = true;
            Log.Closing(_logger, Id, reason);
        }
    }

    private async Task ShutdownAsync(Task reading)
    {
        _closing = true;
        _mailbox.Writer.TryComplete();
        _context.Exchange.Post(new ExchangeCommand.ConnectionClosed(this));
        _heartbeatTimer?.Dispose();
        _idleTimer?.Dispose();
        _delayTimer?.Dispose();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _output.CompleteAsync().ConfigureAwait(false);
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            // The last bytes were for a client that has gone (broken pipe): the connection is closing anyway, and its
            // failure must not surface from the server's shutdown.
            await _stream.DisposeAsync().ConfigureAwait(false);
        }

        await reading.ConfigureAwait(false);
        // Back to the pool: the budget's reservation, then the pipe's buffers (a partial frame included).
        _frames.Dispose();
        await _input.CompleteAsync().ConfigureAwait(false);
        Dispose();
    }

    /// <summary>Releases the connection's own handles; the stream is closed by <see cref="RunAsync"/>.</summary>
    public void Dispose()
    {
        _stop.Dispose();
        _credits.Dispose();
    }
}
