using System.Threading.Channels;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Framing;
using ActorGateway.Transport;

namespace ActorGateway.Actors;

/// <summary>
/// One established connection: its transport, its read loop, and the single way to break it. The connection actor
/// owns the write side; this class only reads, and posts what it reads to the actor's mailbox.
/// </summary>
internal sealed class Connection : IAsyncDisposable
{
    private readonly ChannelWriter<Mail> _mailbox;
    private readonly TimeProvider _time;
    private readonly int _maxFrameSize;
    private readonly CancellationTokenSource _closing = new();
    private GatewayConnectionException? _breakReason;
    private long _lastReceived;
    private Task _readLoop = Task.CompletedTask;

    public Connection(ITransport transport, GatewayEndpoint endpoint, ChannelWriter<Mail> mailbox, TimeProvider time, int maxFrameSize)
    {
        Transport = transport;
        Endpoint = endpoint;
        _mailbox = mailbox;
        _time = time;
        _maxFrameSize = maxFrameSize;
        _lastReceived = time.GetTimestamp();
    }

    public ITransport Transport { get; }

    public GatewayEndpoint Endpoint { get; }

    /// <summary>Cancelled when the connection breaks; pending reads and flushes give up with it.</summary>
    public CancellationToken Closing => _closing.Token;

    /// <summary>The first reason the connection broke, or null while it is up.</summary>
    public GatewayConnectionException? BreakReason => Volatile.Read(ref _breakReason);

    // On the pool, not on the caller's turn: a server already streaming when the connection opens would otherwise keep
    // the read loop running synchronously inside the actor's handler, and the actor would never get its turn back.
    public void Start() => _readLoop = Task.Run(ReadLoopAsync);

    /// <summary>
    /// Breaks the connection from any thread. The first reason is kept and the actor is told once; later calls do
    /// nothing and return false.
    /// </summary>
    public bool Break(GatewayConnectionException reason)
    {
        if (Interlocked.CompareExchange(ref _breakReason, reason, null) is not null)
        {
            return false;
        }

        _closing.Cancel();
        _mailbox.TryWrite(Mail.Of(new ConnectionActor.ConnectionBroken(this)));
        return true;
    }

    /// <summary>Breaks the connection when nothing arrived from the server for <paramref name="silence"/>.</summary>
    public void BreakIfSilent(TimeSpan silence)
    {
        var quiet = _time.GetElapsedTime(Volatile.Read(ref _lastReceived));
        if (quiet >= silence)
        {
            Break(new GatewayConnectionException(ConnectionFailureKind.ServerSilent,
                $"Nothing arrived from {Endpoint} for {quiet.TotalSeconds:0.#} s."));
        }
    }

    public async ValueTask DisposeAsync()
    {
        Break(new GatewayConnectionException(ConnectionFailureKind.Disposed, "The connection was closed."));
        // The read loop stops at the cancellation; the pipes it reads are completed only after it has let go of them.
        await _readLoop.ConfigureAwait(false);
        await Transport.DisposeAsync().ConfigureAwait(false);
        _closing.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var reader = new FrameReader(Transport.Input, _maxFrameSize);
        try
        {
            while (true)
            {
                // A burst of frames arrives in one read: the buffered ones are taken without an await each.
                while (TryReadBuffered(reader, out var buffered))
                {
                    Deliver(buffered);
                }

                if (await ReadAsync(reader).ConfigureAwait(false) is not { } message)
                {
                    break;
                }

                // Stamped once per read from the transport: the frames buffered with this one arrived with it.
                Volatile.Write(ref _lastReceived, _time.GetTimestamp());
                Deliver(message);
            }

            Break(new GatewayConnectionException(ConnectionFailureKind.ServerClosed, $"{Endpoint} closed the connection."));
        }
        catch (OperationCanceledException) when (Closing.IsCancellationRequested)
        {
            // Broken elsewhere; the reason is already kept.
        }
        catch (ProtocolException e)
        {
            Break(new GatewayConnectionException(ConnectionFailureKind.ProtocolViolation,
                $"{Endpoint} sent bytes that break the protocol: {e.Message}", e));
        }
        catch (Exception e)
        {
            Break(new GatewayConnectionException(ConnectionFailureKind.ConnectionLost, $"Reading from {Endpoint} failed: {e.Message}", e));
        }
    }

    private void Deliver(in OpenApiMessage message)
    {
        _mailbox.TryWrite(Mail.FrameFrom(this, message));
    }

    // One bad payload: the stream is still in step, so only the request it answers (if any) fails, and reading goes on.
    private void Reject(ProtocolException error)
    {
        Volatile.Write(ref _lastReceived, _time.GetTimestamp());
        _mailbox.TryWrite(Mail.Of(new ConnectionActor.FrameRejected(this, error)));
    }

    private bool TryReadBuffered(FrameReader reader, out OpenApiMessage message)
    {
        while (true)
        {
            try
            {
                return reader.TryRead(out message);
            }
            catch (ProtocolException e) when (!e.BreaksStream)
            {
                Reject(e);
            }
        }
    }

    private async ValueTask<OpenApiMessage?> ReadAsync(FrameReader reader)
    {
        while (true)
        {
            try
            {
                return await reader.ReadAsync(Closing).ConfigureAwait(false);
            }
            catch (ProtocolException e) when (!e.BreaksStream)
            {
                Reject(e);
            }
        }
    }
}
