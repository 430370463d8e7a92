using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using ActorGateway.Protocol.Framing;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// A plain-TCP relay between one client and the simulator that notes when each frame of one payload type arrives from
/// the client: what the server's rate limiter would see, measured outside the gateway.
/// </summary>
internal sealed class FrameRecordingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _upstream;
    private readonly uint _recorded;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<long> _arrivals = [];
    private readonly Lock _gate = new();
    private readonly Task _serving;

    public FrameRecordingProxy(IPEndPoint upstream, uint recordedPayloadType)
    {
        _upstream = upstream;
        _recorded = recordedPayloadType;
        _listener.Start();
        _serving = ServeAsync(_stopping.Token);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Stopwatch timestamps of the recorded frames, in arrival order.</summary>
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
            using var client = await _listener.AcceptSocketAsync(cancellationToken).ConfigureAwait(false);
            using var server = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            client.NoDelay = true;
            await server.ConnectAsync(_upstream, cancellationToken).ConfigureAwait(false);
            using var toClient = new NetworkStream(client);
            using var toServer = new NetworkStream(server);
            await Task.WhenAll(toServer.CopyToAsync(toClient, cancellationToken), RelayRecordingAsync(toClient, toServer, cancellationToken))
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
        {
            // The run is over, or one side hung up: either way the relay has nothing left to do.
        }
    }

    private async Task RelayRecordingAsync(Stream from, Stream to, CancellationToken cancellationToken)
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
                if (FrameEnvelope.Parse(frame).PayloadType == _recorded)
                {
                    lock (_gate)
                    {
                        _arrivals.Add(now);
                    }
                }
            }

            foreach (var segment in result.Buffer.Slice(start, buffer.Start))
            {
                await to.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
            }

            input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                return;
            }
        }
    }
}
