using System.IO.Pipelines;
using System.Threading.Channels;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Exchange;
using ActorGateway.Simulator.Inbound;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Simulator.Sessions;

/// <summary>
/// One client connection, as an actor: a read loop turns socket bytes into <see cref="ConnectionCommand.FrameReceived"/>
/// messages, and a single mailbox loop owns the session (auth, limits, timers) and the write side. Replies are written
/// into the pipe as they are produced and flushed once the mailbox is empty, so a pipelined burst costs one flush.
/// The connection runs the mailbox and the timers; reading (<see cref="SocketReader"/>), the session rules
/// (<see cref="SessionRules"/>) and writing (<see cref="ReplyWriter"/>) are its parts.
/// </summary>
internal sealed class Connection : IDisposable
{
    private static readonly ProtoHeartbeatEvent Heartbeat = new();

    private readonly Stream _stream;
    private readonly SocketReader _reader;
    private readonly ReplyWriter _writer;
    private readonly SessionRules _rules;
    private readonly SimulatorContext _context;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<ConnectionCommand> _mailbox =
        Channel.CreateUnbounded<ConnectionCommand>(new() { SingleReader = true, AllowSynchronousContinuations = false });
    private readonly CancellationTokenSource _stop = new();
    private ITimer? _heartbeatTimer;
    private ITimer? _idleTimer;
    private bool _closing;
    private int _queuedSends;

    public Connection(long id, Stream stream, SimulatorContext context)
    {
        Id = id;
        _stream = stream;
        _context = context;
        _time = context.Time;
        _logger = context.LoggerFactory.CreateLogger<Connection>();
        _reader = new SocketReader(this, stream, context, _logger);
        _writer = new ReplyWriter(this, PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true)), context);
        _rules = new SessionRules(this, context, _writer, Close);
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
        _rules.LastInbound = _writer.LastWrite = now;
        _heartbeatTimer = _time.CreateTimer(static s => ((Connection)s!).Post(ConnectionCommand.HeartbeatDue.Instance), this,
            _context.Options.HeartbeatInterval, _context.Options.HeartbeatInterval);
        _idleTimer = _time.CreateTimer(static s => ((Connection)s!).Post(ConnectionCommand.IdleCheckDue.Instance), this,
            _context.Options.IdleTimeout, Timeout.InfiniteTimeSpan);
        var reading = _reader.ReadLoopAsync(linked.Token);
        try
        {
            await MailboxLoopAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            ConnectionLog.Stopped(_logger, Id, e);
        }
        catch (ProtocolException e)
        {
            // A reply the simulator could not encode: a bug, which costs this connection only.
            ConnectionLog.Failed(_logger, Id, e);
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

            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (_closing)
            {
                return;
            }
        }
    }

    private void Handle(ConnectionCommand command)
    {
        switch (command)
        {
            case ConnectionCommand.FrameReceived frame:
                _reader.FrameHandled();
                _rules.OnFrame(frame.Message);
                break;
            case ConnectionCommand.BadFrameReceived bad:
                _reader.FrameHandled();
                _rules.OnBadFrame(bad.Error);
                break;
            case ConnectionCommand.Send send:
                Interlocked.Decrement(ref _queuedSends);
                _writer.Write(send.Message, send.ClientMsgId);
                break;
            case ConnectionCommand.SendAndClose last:
                _writer.WriteNow(last.Message, null);
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
                _writer.WriteDueDelayed();
                break;
        }
    }

    private void OnReadEnded(Exception? error)
    {
        switch (error)
        {
            case ProtocolException broken:
                var code = broken.Kind == ProtocolErrorKind.FrameTooLarge ? ProtoErrorCode.FrameTooLong : ProtoErrorCode.InvalidRequest;
                _writer.WriteNow(ErrorReplies.Common(code, broken.Message), null);
                ConnectionLog.StreamBroken(_logger, Id, broken.Message);
                break;
            case InboundLimitException limit:
                _writer.WriteNow(ErrorReplies.Common(limit.Code, limit.Message), null);
                ConnectionLog.LimitReached(_logger, Id, limit.Message);
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
        if (_time.GetUtcNow() - _writer.LastWrite >= _context.Options.HeartbeatInterval)
        {
            _writer.Write(Heartbeat, null);
        }
    }

    private void OnIdleCheckDue()
    {
        var silentFor = _time.GetUtcNow() - _rules.LastInbound;
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
            ConnectionLog.Closing(_logger, Id, reason);
        }
    }

    private async Task ShutdownAsync(Task reading)
    {
        _closing = true;
        _mailbox.Writer.TryComplete();
        _context.Exchange.Post(new ExchangeCommand.ConnectionClosed(this));
        _heartbeatTimer?.Dispose();
        _idleTimer?.Dispose();
        _writer.Dispose();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _writer.CompleteAsync().ConfigureAwait(false);
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            // The last bytes were for a client that has gone (broken pipe): the connection is closing anyway, and its
            // failure must not surface from the server's shutdown.
            await _stream.DisposeAsync().ConfigureAwait(false);
        }

        await reading.ConfigureAwait(false);
        await _reader.CompleteAsync().ConfigureAwait(false);
        Dispose();
    }

    /// <summary>Releases the connection's own handles; the stream is closed by <see cref="RunAsync"/>.</summary>
    public void Dispose()
    {
        _stop.Dispose();
        _reader.Dispose();
    }
}
