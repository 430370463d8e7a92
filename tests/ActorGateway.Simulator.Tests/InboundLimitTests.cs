using System.Buffers.Binary;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Inbound;
using ActorGateway.Simulator.Tests.Support;
using ActorGateway.TestKit;

namespace ActorGateway.Simulator.Tests;

/// <summary>
/// What a client can make the server hold: connections up to a cap, incomplete frames within a shared budget and a
/// deadline, and buffers returned when a connection closes.
/// </summary>
public sealed class InboundLimitTests
{
    [Fact]
    public async Task A_connection_over_the_cap_is_reset_while_the_open_ones_are_served_and_a_freed_slot_is_reused()
    {
        await using var host = await SimulatorHost.StartAsync(o => o.MaxConnections = 3);
        var open = new[] { await host.AppAuthenticatedAsync(), await host.AppAuthenticatedAsync(), await host.AppAuthenticatedAsync() };

        await ExpectResetAsync(host);
        await open[0].SendAsync(new ProtoOAVersionReq(), "still");
        await open[0].ExpectAsync<ProtoOAVersionRes>("still");
        await open[1].DisposeAsync();
        await host.Server.WaitForConnectionCountAsync(2).OrTimeout();
        var admitted = await host.AppAuthenticatedAsync();

        Assert.Equal(1, host.Server.RefusedConnections);
        Assert.Equal(3, host.Server.ConnectionCount);
        Assert.Contains(host.Logs, e => e.StartsWith("Information", StringComparison.Ordinal)
            && e.Contains("3 connections are open, the most allowed", StringComparison.Ordinal));
        await admitted.SendAsync(new ProtoOAVersionReq(), "new");
        await admitted.ExpectAsync<ProtoOAVersionRes>("new");
    }

    [Fact]
    public async Task A_partial_frame_over_the_shared_budget_gets_FRAME_TOO_LONG_and_a_close_and_gives_its_buffers_back()
    {
        const int Budget = 64 * 1024;
        await using var host = await SimulatorHost.StartAsync(o => o.MaxBufferedFrameBytes = Budget);
        var bystander = await host.AppAuthenticatedAsync();
        var hog = await host.ConnectAsync();

        // A 1 MiB frame (below the 16 MiB maximum) of which one byte more than the free allowance and the whole budget
        // arrives: the server refuses on that last byte, having read everything sent, so its reply is not lost to a reset.
        await hog.SendRawAsync(PartialFrame(announced: 1024 * 1024, sent: FrameBudget.FreePerConnection + Budget + 1));
        var error = await hog.ExpectAsync<ProtoErrorRes>();
        await hog.ExpectClosedAsync();
        await host.Server.WaitForConnectionCountAsync(1).OrTimeout();

        Assert.Equal("FRAME_TOO_LONG", error.ErrorCode);
        Assert.Contains("incomplete frames", error.Description, StringComparison.Ordinal);
        Assert.Contains(host.Logs, e => e.Contains("went over an inbound limit", StringComparison.Ordinal));
        Assert.Equal(0, host.Server.ReservedFrameBytes);
        // Only the bystander's pipe may still hold a block; the hog's 80 KiB went back to the pool.
        Assert.InRange(host.Server.InboundBufferBytes, 0, 8 * 1024);
        await bystander.SendAsync(new ProtoOAVersionReq(), "after");
        await bystander.ExpectAsync<ProtoOAVersionRes>("after");
    }

    [Theory]
    [InlineData(0xFFFFFFFF)]
    [InlineData(0x80000000)]
    [InlineData(FrameCodec.DefaultMaxFrameSize + 1u)]
    public async Task An_oversize_length_prefix_gets_FRAME_TOO_LONG_and_a_close_with_nothing_buffered_for_its_body(uint prefix)
    {
        await using var host = await SimulatorHost.StartAsync();
        var client = await host.ConnectAsync();

        await client.SendRawAsync(PartialFrame(prefix, sent: 4));
        var error = await client.ExpectAsync<ProtoErrorRes>();
        await client.ExpectClosedAsync();
        await host.Server.WaitForConnectionCountAsync(0).OrTimeout();

        Assert.Equal("FRAME_TOO_LONG", error.ErrorCode);
        // One pipe block for the four bytes read, not the 16 MiB to 4 GiB announced.
        Assert.InRange(host.Server.PeakInboundBufferBytes, 1, 16 * 1024);
        Assert.Equal(0, host.Server.InboundBufferBytes);
    }

    [Fact]
    public async Task A_partial_frame_within_the_free_allowance_takes_nothing_from_the_budget()
    {
        await using var host = await SimulatorHost.StartAsync(o => o.MaxBufferedFrameBytes = 0);
        var client = await host.AppAuthenticatedAsync();
        var frame = Frames(new ProtoOAVersionReq(), "split");

        // With no budget at all, a request split across writes is still read: the free allowance covers it.
        await client.SendRawAsync(frame.AsMemory(0, 5));
        await client.SendRawAsync(frame.AsMemory(5));

        await client.ExpectAsync<ProtoOAVersionRes>("split");
    }

    [Fact]
    public async Task A_frame_left_unfinished_past_the_partial_frame_timeout_gets_TIMEOUT_ERROR_and_a_close()
    {
        await using var host = await SimulatorHost.StartAsync(o => o.PartialFrameTimeout = TimeSpan.FromSeconds(5));
        var client = await host.AppAuthenticatedAsync();
        var timers = host.Time.PendingTimerCount;
        var whole = Frames(new ProtoOAVersionReq(), "whole");
        var next = Frames(new ProtoOAVersionReq(), "never finished");

        await client.SendRawAsync(whole.Concat(next.Take(6)).ToArray());
        await client.ExpectAsync<ProtoOAVersionRes>("whole");
        // The deadline's timer is armed once the server is waiting on the rest of the frame.
        await host.Time.WaitForPendingTimersAsync(timers + 1).OrTimeout();
        host.Time.Advance(TimeSpan.FromSeconds(5));
        var error = await client.ExpectAsync<ProtoErrorRes>();
        await client.ExpectClosedAsync();
        await host.Server.WaitForConnectionCountAsync(0).OrTimeout();

        Assert.Equal("TIMEOUT_ERROR", error.ErrorCode);
        Assert.Contains("still incomplete 5 s after it began", error.Description, StringComparison.Ordinal);
        Assert.Equal(0, host.Server.InboundBufferBytes);
    }

    // The reset may come while the client's connect is still completing, or on its first read.
    private static async Task ExpectResetAsync(SimulatorHost host)
    {
        try
        {
            var refused = await host.ConnectAsync();
            await refused.ExpectClosedAsync();
        }
        catch (System.Net.Sockets.SocketException e) when (e.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionReset)
        {
            // Refused before the connect call returned.
        }
    }

    private static byte[] Frames(ProtoOAVersionReq message, string clientMsgId)
    {
        var writer = new System.Buffers.ArrayBufferWriter<byte>();
        FrameCodec.WriteMessage(writer, message, clientMsgId);
        return writer.WrittenSpan.ToArray();
    }

    private static byte[] PartialFrame(uint announced, int sent)
    {
        var bytes = new byte[sent];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, announced);
        return bytes;
    }
}
