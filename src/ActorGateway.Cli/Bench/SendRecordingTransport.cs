using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net.Sockets;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Registry;
using ActorGateway.Transport;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// A plain-TCP transport, plugged in through the gateway's public <see cref="ITransportFactory"/> seam, that notes when
/// each frame but heartbeats is handed to the socket: what the gateway sent, and when, measured below its throttle.
/// A relay in front of the simulator would time arrivals instead, but on two shared cores its own scheduling moves them
/// by milliseconds, more than the throttle's margin, and the figure would measure the relay.
/// </summary>
internal sealed class SendRecordingTransportFactory : ITransportFactory
{
    private readonly List<long> _sends = [];
    private readonly Lock _gate = new();

    /// <summary>Stopwatch timestamps of the frames that count against a limit, in the order they were sent.</summary>
    public long[] Sends()
    {
        lock (_gate)
        {
            return [.. _sends];
        }
    }

    public async ValueTask<ITransport> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new GatewayConnectionException(ConnectionFailureKind.ConnectFailed, $"Could not connect to {host}:{port}.", e);
        }

        return new Transport(new NetworkStream(socket, ownsSocket: true), this);
    }

    private void Record(long timestamp, int count)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _sends.Add(timestamp);
            }
        }
    }

    private sealed class Transport(NetworkStream socket, SendRecordingTransportFactory recorder) : ITransport
    {
        public PipeReader Input { get; } = PipeReader.Create(socket, new StreamPipeReaderOptions(leaveOpen: true));

        public PipeWriter Output { get; } = PipeWriter.Create(new RecordingStream(socket, recorder), new StreamPipeWriterOptions(leaveOpen: true));

        public async ValueTask DisposeAsync()
        {
            await socket.DisposeAsync().ConfigureAwait(false);
            await Input.CompleteAsync().ConfigureAwait(false);
            try
            {
                await Output.CompleteAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // Bytes still buffered go with the connection.
            }
        }
    }

    /// <summary>Counts the frames in what is written, timing each at the start of the write that completes it.</summary>
    private sealed class RecordingStream(Stream inner, SendRecordingTransportFactory recorder) : Stream
    {
        private readonly ArrayBufferWriter<byte> _partial = new(); // the start of a frame whose end is still to come

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Count(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private void Count(ReadOnlySpan<byte> bytes)
        {
            var now = Stopwatch.GetTimestamp();
            _partial.Write(bytes);
            var unread = new ReadOnlySequence<byte>(_partial.WrittenMemory);
            var frames = 0;
            while (FrameCodec.TryReadFrame(ref unread, FrameCodec.DefaultMaxFrameSize, out var frame))
            {
                if (FrameEnvelope.Parse(frame).PayloadType != PayloadRegistry.HeartbeatEvent)
                {
                    frames++;
                }
            }

            recorder.Record(now, frames);
            var rest = unread.ToArray();
            _partial.Clear();
            _partial.Write(rest);
        }
    }
}
