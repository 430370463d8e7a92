using System.Net.Sockets;
using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Admission;
using ActorGateway.Simulator.Tests.Support;
using ActorGateway.TestKit;

namespace ActorGateway.Simulator.Tests;

/// <summary>
/// What a TLS client can make the server spend before its first request: a handshake slot only once it has sent a byte,
/// a place in a bounded queue when the slots are taken, and no longer than the handshake timeout in all.
/// </summary>
public sealed class HandshakeLimitTests
{
    // The first byte of a TLS record carrying a handshake: enough to start one, never followed by the rest.
    private static readonly byte[] HandshakeRecordStart = [0x16];

    [Fact]
    public async Task A_client_that_never_starts_its_handshake_holds_no_slot_and_is_closed_after_the_handshake_timeout()
    {
        await using var host = await StartAsync(o => o.HandshakeTimeout = TimeSpan.FromSeconds(5));
        using var silent = new TcpClient();
        await silent.ConnectAsync(host.Server.EndPoint).OrTimeout();
        await host.Server.WaitForHandshakesAsync(new HandshakeCounts(NotStarted: 1, 0, 0)).OrTimeout();

        // The only slot is free while the silent client waits: a well-behaved client is served meanwhile.
        var served = await host.AppAuthenticatedAsync();
        host.Time.Advance(TimeSpan.FromSeconds(5));
        await ExpectClosedOrResetAsync(silent);

        Assert.Contains(host.Logs, e => e.Contains("did not finish its TLS handshake within 5 s of connecting: timed out before it began",
            StringComparison.Ordinal));
        Assert.Equal(default, host.Server.Handshakes);
        await served.SendAsync(new ProtoOAVersionReq(), "still");
        await served.ExpectAsync<ProtoOAVersionRes>("still");
    }

    [Fact]
    public async Task A_handshake_beyond_the_cap_waits_its_turn_and_one_beyond_the_queue_is_reset()
    {
        await using var host = await StartAsync(o => o.MaxQueuedHandshakes = 1);
        using var stalled = new TcpClient();
        await stalled.ConnectAsync(host.Server.EndPoint).OrTimeout();
        await stalled.GetStream().WriteAsync(HandshakeRecordStart);
        await host.Server.WaitForHandshakesAsync(new HandshakeCounts(0, InProgress: 1, 0)).OrTimeout();
        // Half the timeout on, so the stalled handshake's deadline falls well before the next client's.
        host.Time.Advance(TimeSpan.FromSeconds(5));

        var waiting = host.ConnectAsync();
        await host.Server.WaitForHandshakesAsync(new HandshakeCounts(0, InProgress: 1, Queued: 1)).OrTimeout();
        Assert.False(waiting.IsCompleted, "the slot is taken: the second handshake must wait for it");
        using var refused = new TcpClient();
        await refused.ConnectAsync(host.Server.EndPoint).OrTimeout();
        await refused.GetStream().WriteAsync(HandshakeRecordStart);
        await ExpectClosedOrResetAsync(refused);
        Assert.Equal(1, host.Server.RefusedHandshakes);

        // The stalled handshake's deadline passes: its slot goes to the one waiting, which completes its handshake.
        host.Time.Advance(TimeSpan.FromSeconds(5));
        await ExpectClosedOrResetAsync(stalled);
        var admitted = await waiting.OrTimeout();
        await admitted.SendAsync(SimulatorHost.AppAuth(), "app");
        await admitted.ExpectAsync<ProtoOAApplicationAuthRes>("app");

        Assert.Contains(host.Logs, e => e.Contains("1 TLS handshakes are waiting, the most allowed", StringComparison.Ordinal));
        Assert.Contains(host.Logs, e => e.Contains("timed out during it", StringComparison.Ordinal));
        Assert.Equal(default, host.Server.Handshakes);
    }

    [Fact]
    public async Task The_gate_hands_slots_out_in_arrival_order_skipping_a_wait_given_up()
    {
        var gate = new HandshakeGate(maxConcurrent: 1, maxQueued: 2);
        Assert.True(await gate.TryEnterAsync(CancellationToken.None));
        using var givenUp = new CancellationTokenSource();
        var first = gate.TryEnterAsync(givenUp.Token).AsTask();
        var second = gate.TryEnterAsync(CancellationToken.None).AsTask();

        Assert.False(await gate.TryEnterAsync(CancellationToken.None)); // the queue of two is full
        await givenUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.OrTimeout());
        Assert.Equal(new HandshakeCounts(0, 1, 1), gate.Counts);
        gate.Release();

        Assert.True(await second.OrTimeout());
        Assert.Equal(new HandshakeCounts(0, 1, 0), gate.Counts);
        gate.Release();
        Assert.Equal(default, gate.Counts);
    }

    private static Task<SimulatorHost> StartAsync(Action<SimulatorOptions> configure) => SimulatorHost.StartAsync(o =>
    {
        o.UseTls = true;
        o.MaxConcurrentHandshakes = 1;
        configure(o);
    });

    // The server closes, or resets (a refusal): either way the client reads no byte and the connection is over.
    private static async Task ExpectClosedOrResetAsync(TcpClient client)
    {
        try
        {
            var read = await client.GetStream().ReadAsync(new byte[1]).AsTask().OrTimeout();
            Assert.Equal(0, read);
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            // Reset.
        }
    }
}
