using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Registry;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// A plain-TCP relay between one client and the simulator that notes when each frame but heartbeats arrives from the
/// client: what the server's rate limiter counts, measured outside the gateway.
/// </summary>
internal sealed class FrameRecordingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _upstream;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<long> _arrivals = [];
    private readonly Lock _gate = new();
    private readonly Task _serving;

    public FrameRecordingProxy(IPEndPoint upstream)
    {
        _upstream = upstream;
        _listener.Start();
        _serving = ServeAsync(_stopping.Token);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Stopwatch timestamps of the frames that count against a limit, in arrival order.</summary>
    public long[] Arrivals()
    {
        lock (_gate)
        {
            return [.. _arrivals];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _serving.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Upstream first, so the client's first frame is not timed late by the relay's own connecting.
            using var server = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await server.ConnectAsync(_upstream, cancellationToken).ConfigureAwait(false);
            using var client = await _listener.AcceptSocketAsync(cancellationToken).ConfigureAwait(false);
            client.NoDelay = true;
            using var toClient = new NetworkStream(client);
            using var toServer = new NetworkStream(server);
            // Unbounded in between, so a server slow to read never holds the timing reader back.
            var relay = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
            await Task.WhenAll(
                    toServer.CopyToAsync(toClient, cancellationToken),
                    RecordAsync(toClient, relay.Writer, cancellationToken),
                    relay.Reader.CopyToAsync(toServer, cancellationToken))
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
        {
            // The run is over, or one side hung up: either way the relay has nothing left to do.
        }
    }

    private async Task RecordAsync(Stream from, PipeWriter to, CancellationToken cancellationToken)
    {
        var input = PipeReader.Create(from);
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var now = Stopwatch.GetTimestamp();
            var buffer = result.Buffer;
            var start = buffer.Start;
            while (FrameCodec.TryReadFrame(ref buffer, FrameCodec.DefaultMaxFrameSize, out var frame))
            {
                if (FrameEnvelope.Parse(frame).PayloadType != PayloadRegistry.HeartbeatEvent)
                {
                    lock (_gate)
                    {
                        _arrivals.Add(now);
                    }
                }
            }

            foreach (var segment in result.Buffer.Slice(start, buffer.Start))
            {
                to.Write(segment.Span);
            }

            await to.FlushAsync(cancellationToken).ConfigureAwait(false);
            input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                await to.CompleteAsync().ConfigureAwait(false);
                return;
            }
        }
    }
}
