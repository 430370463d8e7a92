using System.Net;
using System.Net.Sockets;
using ActorGateway.Cli.Soak;
using ActorGateway.TestKit;

namespace ActorGateway.Cli.Tests.Soak;

/// <summary>The soak's relay copies bytes both ways and cuts the way it is told: a reset, or an orderly close.</summary>
public sealed class CuttingRelayTests
{
    [Fact]
    public async Task Bytes_cross_the_relay_both_ways()
    {
        await using var echo = EchoServer.Start();
        await using var relay = CuttingRelay.Start(echo.EndPoint);
        using var client = await ConnectAsync(relay.EndPoint);

        await client.SendAsync("hello"u8.ToArray());
        var received = await ReceiveAsync(client, 5);

        Assert.Equal("hello"u8.ToArray(), received);
        Assert.Equal(1, relay.Accepted);
    }

    [Fact]
    public async Task A_reset_cut_makes_the_clients_next_read_fail_with_a_reset()
    {
        await using var echo = EchoServer.Start();
        await using var relay = CuttingRelay.Start(echo.EndPoint);
        using var client = await ConnectAsync(relay.EndPoint);
        await client.SendAsync("x"u8.ToArray());
        await ReceiveAsync(client, 1);

        Assert.Equal(1, relay.CutAll(CutKind.Reset));

        var error = await Assert.ThrowsAsync<SocketException>(() => client.ReceiveAsync(new byte[16]).OrTimeout());
        Assert.Equal(SocketError.ConnectionReset, error.SocketErrorCode);
        Assert.Equal(0, relay.Open);
    }

    [Fact]
    public async Task A_reset_cut_fails_a_read_already_waiting_with_a_reset()
    {
        await using var echo = EchoServer.Start();
        await using var relay = CuttingRelay.Start(echo.EndPoint);
        // A read already waiting is what the gateway always has: the cut must reach it as a reset, never as an end of stream.
        var outcomes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var client = await ConnectAsync(relay.EndPoint);
            await client.SendAsync("x"u8.ToArray());
            await ReceiveAsync(client, 1);
            var pending = client.ReceiveAsync(new byte[16]);
            relay.CutAll(CutKind.Reset);
            try
            {
                outcomes.Add($"read {await pending.OrTimeout()}");
            }
            catch (SocketException e)
            {
                outcomes.Add(e.SocketErrorCode.ToString());
            }
        }

        Assert.All(outcomes, outcome => Assert.Equal(nameof(SocketError.ConnectionReset), outcome));
    }

    [Fact]
    public async Task A_close_cut_ends_the_clients_stream_in_order()
    {
        await using var echo = EchoServer.Start();
        await using var relay = CuttingRelay.Start(echo.EndPoint);
        using var client = await ConnectAsync(relay.EndPoint);
        await client.SendAsync("x"u8.ToArray());
        await ReceiveAsync(client, 1);

        Assert.Equal(1, relay.CutAll(CutKind.Close));

        Assert.Equal(0, await client.ReceiveAsync(new byte[16]).OrTimeout());
    }

    [Fact]
    public async Task A_cut_with_nothing_relayed_cuts_nothing()
    {
        await using var echo = EchoServer.Start();
        await using var relay = CuttingRelay.Start(echo.EndPoint);

        Assert.Equal(0, relay.CutAll(CutKind.Reset));
    }

    private static async Task<Socket> ConnectAsync(IPEndPoint endPoint)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endPoint).OrTimeout();
        return socket;
    }

    private static async Task<byte[]> ReceiveAsync(Socket socket, int count)
    {
        var buffer = new byte[count];
        // Each read is bounded; at most count reads are needed.
        for (var (read, turns) = (0, 0); read < count && turns < count; turns++)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read)).AsTask().OrTimeout();
            Assert.True(n > 0, "the stream ended early");
            read += n;
        }

        return buffer;
    }

    /// <summary>Echoes every byte of every connection, on 127.0.0.1.</summary>
    private sealed class EchoServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly List<Socket> _accepted = [];
        private Task _loop = Task.CompletedTask;

        public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

        public static EchoServer Start()
        {
            var server = new EchoServer();
            server._listener.Start();
            server._loop = server.AcceptAsync();
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _loop;
            lock (_accepted)
            {
                _accepted.ForEach(s => s.Dispose());
            }

            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await _listener.AcceptSocketAsync(_stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException)
                {
                    return;
                }

                lock (_accepted)
                {
                    _accepted.Add(socket);
                }

                _ = EchoAsync(socket);
            }
        }

        private static async Task EchoAsync(Socket socket)
        {
            var buffer = new byte[1024];
            try
            {
                int read;
                while ((read = await socket.ReceiveAsync(buffer)) > 0)
                {
                    await socket.SendAsync(buffer.AsMemory(0, read));
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // The relay cut it.
            }
        }
    }
}
