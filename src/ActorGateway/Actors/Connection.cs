using System.Buffers;
using System.IO.Pipelines;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Framing;
using ActorGateway.Throttling;
using ActorGateway.Transport;
using Akka.Actor;

namespace ActorGateway.Actors;

/// <summary>
/// One established connection: its transport, its read loop, its one write in flight, and the single way to break it.
/// The read loop Tells the connection actor the frames of each socket read as one array, and waits for credit before
/// reading on, so a flooding server fills the socket's buffer (TCP pushes back) rather than the actor's mailbox.
/// </summary>
internal sealed class Connection : IAsyncDisposable
{
    // Batches the actor may have unhandled: enough to keep reading while the actor works, few enough to bound memory.
    private const int ReadCredit = 8;

    private readonly IActorRef _actor;
    private readonly TimeProvider _time;
    private readonly int _maxFrameSize;
    private readonly CancellationTokenSource _closing = new();
    private readonly SemaphoreSlim _credit = new(ReadCredit, ReadCredit);
    private readonly List<OpenApiMessage> _batch = [];
    private readonly List<ProtocolException> _rejected = [];
    private GatewayConnectionException? _breakReason;
    private long _lastReceived;
    private Task _readLoop = Task.CompletedTask;

    public Connection(ITransport transport, GatewayEndpoint endpoint, IActorRef actor, TimeProvider time, int maxFrameSize)
    {
        Transport = transport;
        Endpoint = endpoint;
        _actor = actor;
        _time = time;
        _maxFrameSize = maxFrameSize;
        _lastReceived = time.GetTimestamp();
    }

    public ITransport Transport { get; }

    public GatewayEndpoint Endpoint { get; }

    /// <summary>The first reason the connection broke, or null while it is up.</summary>
    public GatewayConnectionException? BreakReason => Volatile.Read(ref _breakReason);

    private CancellationToken Closing => _closing.Token;

    // On the pool, not on the caller's turn: a server already streaming when the connection opens would otherwise keep
    // the read loop running synchronously inside the actor's handler.
    public void Start() => _readLoop = Task.Run(ReadLoopAsync);

    /// <summary>The actor has handled one batch: the read loop may have another in flight.</summary>
    public void ReturnCredit() => _credit.Release();

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
        _actor.Tell(new ConnectionBroken(this));
        return true;
    }

    /// <summary>Breaks the connection when nothing arrived from the server for <paramref name="silence"/>.</summary>
    public void BreakIfSilent(TimeSpan silence, long now)
    {
        var quiet = _time.GetElapsedTime(Volatile.Read(ref _lastReceived), now);
        if (quiet >= silence)
        {
            Break(new GatewayConnectionException(ConnectionFailureKind.ServerSilent,
                $"Nothing arrived from {Endpoint} for {quiet.TotalSeconds:0.#} s."));
        }
    }

    /// <summary>
    /// Hands <paramref name="bytes"/> to the transport. True when the write finished at once; otherwise the actor is
    /// told <see cref="WriteCompleted"/> when it does. Either way the bytes were copied.
    /// </summary>
    public bool TryWrite(ReadOnlySpan<byte> bytes, SentMark mark, out long sentAt)
    {
        sentAt = 0;
        ValueTask<FlushResult> flush;
        try
        {
            Transport.Output.Write(bytes);
            flush = Transport.Output.FlushAsync(Closing);
        }
        catch (Exception e)
        {
            FailWrite(e);
            return false;
        }

        if (!flush.IsCompleted)
        {
            _ = CompleteWriteAsync(flush, mark);
            return false;
        }

        FlushResult result;
        try
        {
            result = flush.Result;
        }
        catch (Exception e)
        {
            FailWrite(e);
            return false;
        }

        return OnFlushed(result, out sentAt);
    }

    public async ValueTask DisposeAsync()
    {
        Break(new GatewayConnectionException(ConnectionFailureKind.Disposed, "The connection was closed."));
        // The read loop stops at the cancellation; the pipes it reads are completed only after it has let go of them.
        await _readLoop.ConfigureAwait(false);
        await Transport.DisposeAsync().ConfigureAwait(false);
        // The credit semaphore is left to the collector: a batch still in the actor's mailbox returns its credit after
        // this, and a disposed semaphore would throw there.
        _closing.Dispose();
    }

    private async Task CompleteWriteAsync(ValueTask<FlushResult> flush, SentMark mark)
    {
        FlushResult result;
        try
        {
            // A flush's ValueTask may be backed by the pipe's reusable source: its result is read exactly once, here.
            result = await flush.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            FailWrite(e);
            return;
        }

        if (OnFlushed(result, out var sentAt))
        {
            _actor.Tell(new WriteCompleted(this, mark, sentAt));
        }
    }

    private bool OnFlushed(FlushResult result, out long sentAt)
    {
        sentAt = _time.GetTimestamp();
        if (result.IsCompleted)
        {
            Break(new GatewayConnectionException(ConnectionFailureKind.ConnectionLost, $"{Endpoint} stopped reading."));
            return false;
        }

        return true;
    }

    private void FailWrite(Exception e)
    {
        if (e is OperationCanceledException && Closing.IsCancellationRequested)
        {
            return; // broken while writing; the actor hears of it through ConnectionBroken
        }

        Break(new GatewayConnectionException(ConnectionFailureKind.ConnectionLost, $"Writing to {Endpoint} failed: {e.Message}", e));
    }

    private async Task ReadLoopAsync()
    {
        var reader = new FrameReader(Transport.Input, _maxFrameSize);
        try
        {
            while (true)
            {
                await _credit.WaitAsync(Closing).ConfigureAwait(false);
                if (await ReadAsync(reader).ConfigureAwait(false) is not { } first)
                {
                    break;
                }

                // Stamped once per read from the transport: the frames buffered with this one arrived with it.
                Volatile.Write(ref _lastReceived, _time.GetTimestamp());
                _batch.Add(first);
                while (TryReadBuffered(reader, out var buffered))
                {
                    _batch.Add(buffered);
                }

                SendBatch();
            }

            SendBatch();
            Break(new GatewayConnectionException(ConnectionFailureKind.ServerClosed, $"{Endpoint} closed the connection."));
        }
        catch (OperationCanceledException) when (Closing.IsCancellationRequested)
        {
            // Broken elsewhere; the reason is already kept.
        }
        catch (ProtocolException e)
        {
            SendBatch();
            Break(new GatewayConnectionException(ConnectionFailureKind.ProtocolViolation,
                $"{Endpoint} sent bytes that break the protocol: {e.Message}", e));
        }
        catch (Exception e)
        {
            Break(new GatewayConnectionException(ConnectionFailureKind.ConnectionLost, $"Reading from {Endpoint} failed: {e.Message}", e));
        }
    }

    // A batch holds the credit taken for its read; rejections ride along outside the credit, since they are rare and
    // each one is a frame the server has already sent.
    private void SendBatch()
    {
        if (_batch.Count > 0)
        {
            _actor.Tell(new FramesReceived(this, [.. _batch]));
            _batch.Clear();
        }

        foreach (var error in _rejected)
        {
            _actor.Tell(new FrameRejected(this, error));
        }

        _rejected.Clear();
    }

    // One bad payload: the stream is still in step, so only the request it answers (if any) fails, and reading goes on.
    // Behind frames of the same read it waits for them, so the actor sees them in the order they came.
    private void Reject(ProtocolException error)
    {
        Volatile.Write(ref _lastReceived, _time.GetTimestamp());
        if (_batch.Count == 0)
        {
            _actor.Tell(new FrameRejected(this, error));
        }
        else
        {
            _rejected.Add(error);
        }
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
