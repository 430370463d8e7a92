using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Messages;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// A server that sends nothing but spot events, as fast as the client reads them or at a set rate, to one client at a
/// time. The
/// simulator's market ticks a few dozen times a second, far too slowly to measure fan-out. It floods a client once the
/// client has subscribed to spots, after answering the session's handshake (<see cref="SpotFloodHandshake"/>).
/// </summary>
internal sealed class SpotFloodServer : IAsyncDisposable
{
    private const int FramesPerBlock = 1_000;

    /// <summary>The symbols the flood quotes, in turn; a session subscribes to all of them.</summary>
    public static readonly long[] SymbolIds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly byte[] _block = EncodeBlock();
    private readonly Task _serving;
    private readonly double? _eventsPerSecond;
    private CancellationTokenSource? _flood;

    /// <param name="eventsPerSecond">The rate to send at; null floods as fast as the client reads.</param>
    public SpotFloodServer(double? eventsPerSecond = null)
    {
        _eventsPerSecond = eventsPerSecond;
        _listener.Start();
        _serving = ServeAsync(_stopping.Token);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>
    /// Stops sending to the current client. The gateway's mailbox has no bound, so a client that falls behind the flood
    /// must be let catch up before it can be disposed.
    /// </summary>
    public void EndFlood()
    {
        try
        {
            Volatile.Read(ref _flood)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // That client's flood had ended already.
        }
    }

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
                SymbolId = SymbolIds[i % SymbolIds.Length],
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
                using var flood = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                Volatile.Write(ref _flood, flood);
                // The flood starts once the client has subscribed: a session asks for nothing else first, and a flood
                // under way would bury its handshake's replies.
                if (await GreetAsync(client, flood.Token, cancellationToken).ConfigureAwait(false))
                {
                    await FloodAsync(client, flood.Token, cancellationToken).ConfigureAwait(false);
                }

                Volatile.Write(ref _flood, null);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException
                                  || (e is InvalidOperationException && cancellationToken.IsCancellationRequested))
        {
            // Stopped (the listener may have stopped just before the next accept).
        }
    }

    private static async Task<bool> GreetAsync(Socket client, CancellationToken flood, CancellationToken stopping)
    {
        try
        {
            return await SpotFloodHandshake.AnswerUntilSubscribedAsync(client, flood).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !stopping.IsCancellationRequested))
        {
            return false; // the client hung up, or its round ended, before it subscribed: on to the next client
        }
    }

    private async Task FloodAsync(Socket client, CancellationToken flood, CancellationToken stopping)
    {
        try
        {
            var start = Stopwatch.GetTimestamp();
            for (long sent = 0; ; sent += FramesPerBlock)
            {
                if (_eventsPerSecond is { } rate)
                {
                    // Blocks go out on a schedule; a block sent late is followed at once by the next, so the rate holds.
                    var ahead = Statistics.Seconds(Stopwatch.GetTimestamp(), start + (long)(sent / rate * Stopwatch.Frequency));
                    if (ahead > 0.001)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(ahead), flood).ConfigureAwait(false);
                    }
                }

                await client.SendAsync(_block, SocketFlags.None, flood).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !stopping.IsCancellationRequested))
        {
            // The client hung up or the round is over: on to the next client.
        }
    }
}
