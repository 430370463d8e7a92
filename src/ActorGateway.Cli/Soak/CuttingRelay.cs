using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ActorGateway.Cli.Soak;

/// <summary>How a cut ends a relayed connection.</summary>
internal enum CutKind
{
    /// <summary>An abortive close (RST): the peer's next read or write fails with a reset.</summary>
    Reset,

    /// <summary>An orderly close (FIN): the peer reads the end of its stream.</summary>
    Close,
}

/// <summary>
/// A TCP relay on 127.0.0.1 between the gateway and the simulator, owned by the soak so it can cut connections the way a
/// network does (a reset or a close), without the simulator's cooperation. Bytes are copied as they come; a cut ends
/// both halves of every relayed connection at once, and bytes still in the relay are lost, as on a real cut.
/// </summary>
internal sealed class CuttingRelay : IAsyncDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly IPEndPoint _target;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<long, Pair> _pairs = new();
    private readonly Task _acceptLoop;
    private long _nextPair;
    private long _accepted;

    private CuttingRelay(IPEndPoint target)
    {
        _target = target;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        EndPoint = (IPEndPoint)_listener.LocalEndpoint;
        _acceptLoop = AcceptLoopAsync(_stop.Token);
    }

    /// <summary>Where clients connect.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Connections accepted since the start.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Connections relayed now.</summary>
    public int Open => _pairs.Count;

    /// <summary>Starts relaying from a free port on 127.0.0.1 to <paramref name="target"/>.</summary>
    public static CuttingRelay Start(IPEndPoint target) => new(target);

    /// <summary>Cuts every relayed connection, both sides, the way <paramref name="kind"/> says; returns how many.</summary>
    public int CutAll(CutKind kind)
    {
        var cut = 0;
        foreach (var (id, pair) in _pairs)
        {
            if (_pairs.TryRemove(id, out _))
            {
                pair.Cut(kind);
                cut++;
            }
        }

        return cut;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _acceptLoop.ConfigureAwait(false);
        CutAll(CutKind.Close);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            _ = RelayAsync(client, cancellationToken);
        }
    }

    private async Task RelayAsync(Socket client, CancellationToken cancellationToken)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        var pair = new Pair(client, server);
        var id = Interlocked.Increment(ref _nextPair);
        try
        {
            await server.ConnectAsync(_target, cancellationToken).ConfigureAwait(false);
            _pairs[id] = pair;
            // Either direction ending (a cut, or a peer closing) ends the pair: a half-open relay would hide the failure.
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The target refused or the relay is stopping: the client sees its connection end, as on a cut.
        }
        finally
        {
            // A pair cut by CutAll is already ended; Cut does nothing the second time.
            _pairs.TryRemove(id, out _);
            pair.Cut(CutKind.Close);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[BufferSize];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                for (var sent = 0; sent < read;)
                {
                    sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Cut under it, or the peer reset: the pair is ended by the caller.
        }
    }

    /// <summary>The two sockets of one relayed connection.</summary>
    private sealed class Pair(Socket client, Socket server)
    {
        private int _ended;

        public void Cut(CutKind kind)
        {
            if (Interlocked.Exchange(ref _ended, 1) != 0)
            {
                return;
            }

            End(client, kind);
            End(server, kind);
        }

        private static void End(Socket socket, CutKind kind)
        {
            try
            {
                if (kind == CutKind.Reset)
                {
                    // Linger on with a zero timeout makes Close send RST and drop unsent bytes.
                    socket.LingerState = new LingerOption(true, 0);
                }
                else if (socket.Connected)
                {
                    socket.Shutdown(SocketShutdown.Both);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Already gone: closing below is all that is left to do.
            }

            socket.Close();
        }
    }
}
