using System.Buffers;
using System.Net;
using System.Net.Sockets;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Messages;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// A server that sends nothing but spot events, as fast as the client reads them, to one client at a time. The
/// simulator's market ticks a few dozen times a second, far too slowly to measure fan-out.
/// </summary>
internal sealed class SpotFloodServer : IAsyncDisposable
{
    private const int FramesPerBlock = 1_000;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly byte[] _block = EncodeBlock();
    private readonly Task _serving;

    public SpotFloodServer()
    {
        _listener.Start();
        _serving = ServeAsync(_stopping.Token);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _serving.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static byte[] EncodeBlock()
    {
        var writer = new ArrayBufferWriter<byte>();
        for (var i = 0; i < FramesPerBlock; i++)
        {
            var spot = new ProtoOASpotEvent
            {
                CtidTraderAccountId = BenchServer.AccountId,
                SymbolId = 1 + (i % 10),
                Bid = 108_500ul + (ulong)(i % 50),
                Ask = 108_512ul + (ulong)(i % 50),
            };
            FrameCodec.WriteMessage(writer, spot);
        }

        return writer.WrittenSpan.ToArray();
    }

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                using var client = await _listener.AcceptSocketAsync(cancellationToken).ConfigureAwait(false);
                await FloodAsync(client, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException)
        {
            // Stopped.
        }
    }

    private async Task FloodAsync(Socket client, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await client.SendAsync(_block, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (SocketException)
        {
            // The client hung up: on to the next one.
        }
    }
}
