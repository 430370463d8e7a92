using System.Buffers.Binary;
using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Tests.Support;
using ActorGateway.TestKit;

namespace ActorGateway.Simulator.Tests;

public sealed class ServerBasicsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task VersionReq_over_tcp_and_tls_is_answered_with_clientMsgId_echoed(bool tls)
    {
        await using var host = await SimulatorHost.StartAsync(o => o.UseTls = tls);
        var client = await host.AppAuthenticatedAsync();

        await client.SendAsync(new ProtoOAVersionReq(), "v-1");
        var res = await client.ExpectAsync<ProtoOAVersionRes>("v-1");

        Assert.Equal(new SimulatorOptions().Version, res.Version);
        Assert.Equal($"listening on 127.0.0.1:{host.Server.EndPoint.Port} ({(tls ? "tls" : "tcp")})", host.Server.ListeningLine);
        Assert.NotEqual(0, host.Server.EndPoint.Port);
    }

    [Fact]
    public async Task Unknown_payload_type_gets_UNSUPPORTED_MESSAGE_and_the_connection_stays_open()
    {
        await using var host = await SimulatorHost.StartAsync();
        var client = await host.AppAuthenticatedAsync();

        await client.SendRawAsync(Frame(new ProtoMessage { PayloadType = 9999, ClientMsgId = "odd" }));
        var error = await client.ExpectAsync<ProtoErrorRes>("odd");
        await client.SendAsync(new ProtoOAVersionReq(), "after");

        Assert.Equal("UNSUPPORTED_MESSAGE", error.ErrorCode);
        await client.ExpectAsync<ProtoOAVersionRes>("after");
    }

    [Fact]
    public async Task Malformed_payload_gets_INVALID_REQUEST_and_the_connection_stays_open()
    {
        await using var host = await SimulatorHost.StartAsync();
        var client = await host.AppAuthenticatedAsync();

        // An account auth request without its two required fields.
        await client.SendRawAsync(Frame(new ProtoMessage { PayloadType = (uint)ProtoOAPayloadType.ProtoOaAccountAuthReq,
            ClientMsgId = "bad" }));
        var error = await client.ExpectAsync<ProtoErrorRes>("bad");
        await client.SendAsync(new ProtoOAVersionReq(), "after");

        Assert.Equal("INVALID_REQUEST", error.ErrorCode);
        await client.ExpectAsync<ProtoOAVersionRes>("after");
    }

    [Fact]
    public async Task Oversized_frame_gets_FRAME_TOO_LONG_then_the_server_closes()
    {
        await using var host = await SimulatorHost.StartAsync(o => o.MaxFrameSize = 1024);
        var client = await host.ConnectAsync();

        var prefix = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(prefix, 4096);
        await client.SendRawAsync(prefix);
        var error = await client.ExpectAsync<ProtoErrorRes>();

        Assert.Equal("FRAME_TOO_LONG", error.ErrorCode);
        await client.ExpectClosedAsync();
    }

    [Fact]
    public async Task Server_sends_a_heartbeat_after_the_interval_without_traffic()
    {
        await using var host = await SimulatorHost.StartAsync();
        var client = await host.AppAuthenticatedAsync();
        await client.SendAsync(new ProtoOAVersionReq(), "v");
        await client.ExpectAsync<ProtoOAVersionRes>("v");

        host.Time.Advance(TimeSpan.FromSeconds(10));
        var frame = await client.ReceiveAnyAsync();

        Assert.Equal((uint)ProtoPayloadType.HeartbeatEvent, frame!.Value.PayloadType);
    }

    [Fact]
    public async Task Silent_connection_is_closed_after_the_idle_timeout()
    {
        await using var host = await SimulatorHost.StartAsync(o => o.IdleTimeout = TimeSpan.FromSeconds(30));
        var client = await host.AppAuthenticatedAsync();
        await client.SendAsync(new ProtoOAVersionReq(), "v");
        await client.ExpectAsync<ProtoOAVersionRes>("v");

        host.Time.Advance(TimeSpan.FromSeconds(31));

        await client.ExpectClosedAsync();
    }

    [Fact]
    public async Task Client_heartbeats_keep_a_connection_alive_past_the_idle_timeout()
    {
        await using var host = await SimulatorHost.StartAsync(o => o.IdleTimeout = TimeSpan.FromSeconds(30));
        var client = await host.AppAuthenticatedAsync();

        for (var i = 0; i < 4; i++)
        {
            host.Time.Advance(TimeSpan.FromSeconds(20));
            await client.SendAsync(new ProtoHeartbeatEvent());
            await client.SendAsync(new ProtoOAVersionReq(), $"v{i}");
            await client.ExpectAsync<ProtoOAVersionRes>($"v{i}");
        }

        Assert.Equal(1, host.Server.ConnectionCount);
    }

    [Fact]
    public async Task Client_that_stops_reading_is_dropped_as_a_slow_consumer()
    {
        await using var host = await SimulatorHost.StartAsync(o =>
        {
            o.MaxQueuedFrames = 100;
            o.IdleTimeout = TimeSpan.FromDays(1);
        });
        var client = await host.AuthorizedAsync();
        var everything = Enumerable.Range(1, 13).Select(i => (long)i).ToArray();
        await client.SendAsync(new ProtoOASubscribeDepthQuotesReq { CtidTraderAccountId = SimulatorHost.Demo1,
            SymbolId = { everything } }, "depth");
        await client.ExpectAsync<ProtoOASubscribeDepthQuotesRes>("depth");

        // Two hours of market (tens of MB of depth events) while the client reads nothing: far more than the socket buffers hold.
        host.Time.Advance(TimeSpan.FromHours(2));

        await client.ExpectClosedAsync();
    }

    private static byte[] Frame(ProtoMessage envelope)
    {
        var writer = new System.Buffers.ArrayBufferWriter<byte>();
        ActorGateway.Protocol.Framing.FrameCodec.WriteEnvelope(writer, envelope);
        return writer.WrittenSpan.ToArray();
    }
}
