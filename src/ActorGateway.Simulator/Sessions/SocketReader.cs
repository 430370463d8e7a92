using System.IO.Pipelines;
using ActorGateway.Protocol;
using ActorGateway.Simulator.Inbound;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Simulator.Sessions;

/// <summary>
/// The read side: turns socket bytes into frames posted to the connection's mailbox, holding back once
/// <see cref="InboundCredits"/> of them wait there unhandled.
/// </summary>
internal sealed class SocketReader : IDisposable
{
    // How many decoded frames may wait in the mailbox before the read loop stops reading: the socket's backpressure.
    private const int InboundCredits = 512;

    private readonly Connection _owner;
    private readonly ILogger _logger;
    private readonly PipeReader _input;
    private readonly InboundReader _frames;
    private readonly SemaphoreSlim _credits = new(InboundCredits);

    public SocketReader(Connection owner, Stream stream, SimulatorContext context, ILogger logger)
    {
        _owner = owner;
        _logger = logger;
        _input = PipeReader.Create(stream, new StreamPipeReaderOptions(pool: context.InboundPool, leaveOpen: true));
        _frames = new InboundReader(_input, context.Options.MaxFrameSize, context.FrameBudget, context.Time,
            context.Options.PartialFrameTimeout);
    }

    /// <summary>The connection has taken one posted frame off its mailbox: the loop may read one more.</summary>
    public void FrameHandled() => _credits.Release();

    public async Task ReadLoopAsync(CancellationToken cancellationToken)
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
                    _owner.Post(new ConnectionCommand.BadFrameReceived(e));
                    continue;
                }

                if (message is not { } received)
                {
                    _owner.Post(new ConnectionCommand.ReadEnded(null));
                    return;
                }

                _owner.Post(new ConnectionCommand.FrameReceived(received));
            }
        }
        catch (Exception e) when (e is ProtocolException or InboundLimitException or IOException or OperationCanceledException
            or ObjectDisposedException)
        {
            _owner.Post(new ConnectionCommand.ReadEnded(e));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, but a read loop that died without a word would leave the client unanswered until the idle timeout.
            ConnectionLog.ReadFailed(_logger, _owner.Id, e);
            _owner.Post(new ConnectionCommand.ReadEnded(e));
        }
    }

    /// <summary>Gives back what the reader holds from shared pools: the budget's reservation, then the pipe's buffers (a partial
    /// frame included). Call once the read loop has ended.</summary>
    public async ValueTask CompleteAsync()
    {
        _frames.Dispose();
        await _input.CompleteAsync().ConfigureAwait(false);
    }

    public void Dispose() => _credits.Dispose();
}
