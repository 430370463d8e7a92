using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Sessions;
using ActorGateway.Simulator.Tests.Support;
using ActorGateway.TestKit;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Simulator.Tests;

/// <summary>Frames built to break the server: the client always hears why, and the server never goes quiet.</summary>
public sealed class HostileClientTests
{
    [Fact]
    public async Task A_spot_event_whose_trendbar_announces_2_GiB_gets_INVALID_REQUEST_and_the_connection_keeps_serving()
    {
        await using var host = await SimulatorHost.StartAsync();
        var client = await host.AppAuthenticatedAsync();

        // payloadType 2131 and a payload whose trendbar announces 2^31 - 1 bytes, then clientMsgId "spot".
        await client.SendRawAsync(Frame("08D310120A1001180132FFFFFFFF07" + "1A0473706F74"));
        var error = await client.ExpectAsync<ProtoErrorRes>("spot");
        await client.SendAsync(new ProtoOAVersionReq(), "after");

        Assert.Equal("INVALID_REQUEST", error.ErrorCode);
        Assert.Contains("ProtoOASpotEvent", error.Description, StringComparison.Ordinal);
        await client.ExpectAsync<ProtoOAVersionRes>("after");
    }

    [Fact]
    public async Task A_malformed_envelope_gets_INVALID_REQUEST_then_the_server_closes_and_logs_why()
    {
        await using var host = await SimulatorHost.StartAsync();
        var client = await host.AppAuthenticatedAsync();

        await client.SendRawAsync(Frame("80")); // a tag varint that never ends
        var error = await client.ExpectAsync<ProtoErrorRes>();

        Assert.Equal("INVALID_REQUEST", error.ErrorCode);
        await client.ExpectClosedAsync();
        Assert.Contains(host.Logs, entry => entry.StartsWith("Information", StringComparison.Ordinal)
            && entry.Contains("cannot be read", StringComparison.Ordinal)
            && entry.Contains("not a valid ProtoMessage envelope", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_read_loop_failing_unexpectedly_ends_the_connection_with_a_warning_instead_of_leaving_it_silent()
    {
        var logs = new RecordingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs));
        var context = new SimulatorContext(new SimulatorOptions { Port = 0, UseTls = false }, new FakeTimeProvider(), loggerFactory);
        await using var stream = new FailingStream(new InvalidOperationException("unexpected"));
        var connection = new Connection(7, stream, context);

        // The fake clock never moves, so only the read loop reporting its end can finish the connection.
        await connection.RunAsync(CancellationToken.None).OrTimeout();

        Assert.Contains(logs.Problems, entry => entry.StartsWith("Warning", StringComparison.Ordinal)
            && entry.Contains("Connection 7", StringComparison.Ordinal)
            && entry.Contains(nameof(InvalidOperationException), StringComparison.Ordinal));
    }

    private static byte[] Frame(string envelopeHex)
    {
        var envelope = Convert.FromHexString(envelopeHex);
        var frame = new byte[4 + envelope.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)envelope.Length);
        envelope.CopyTo(frame, 4);
        return frame;
    }
}
