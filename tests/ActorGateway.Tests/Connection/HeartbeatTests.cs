using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;
using ActorGateway.Tests.Support;

namespace ActorGateway.Tests.Connection;

public sealed class HeartbeatTests
{
    [Fact]
    public async Task Heartbeat_is_sent_after_the_interval_without_sending_and_not_before()
    {
        await using var harness = new ClientHarness();
        var server = await harness.ConnectAsync();

        harness.Time.Advance(TimeSpan.FromSeconds(9.8));
        await harness.RoundTripAsync(server); // had a heartbeat been due, it would have come before this request
        harness.Time.Advance(TimeSpan.FromSeconds(0.2));
        await harness.RoundTripAsync(server); // 10 s after connecting, but the request restarted the interval
        harness.Time.Advance(TimeSpan.FromSeconds(10));

        var heartbeat = await server.ReceiveAsync();
        Assert.Equal(51u, heartbeat.PayloadType);
        Assert.Null(heartbeat.ClientMsgId);
    }

    [Fact]
    public async Task Heartbeat_is_not_held_back_by_a_throttled_backlog()
    {
        await using var harness = new ClientHarness(o => o.Throttle.StandardPerSecond = 1);
        var server = await harness.ConnectAsync();

        _ = harness.Client.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = 1 });
        var held = harness.Client.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = 2 });
        await harness.Client.SendAsync(Protocol.Envelope.Wrap(new ProtoHeartbeatEvent())).OrTimeout();

        // No time passes: the heartbeat overtakes the request the throttle holds back.
        Assert.Equal(1, (await server.ExpectAsync<ProtoOATraderReq>()).Message.CtidTraderAccountId);
        await server.ExpectAsync<ProtoHeartbeatEvent>();
        Assert.False(held.IsCompleted);
    }

    [Fact]
    public async Task Server_silence_longer_than_the_timeout_breaks_the_connection_and_not_before()
    {
        await using var harness = new ClientHarness(o =>
        {
            o.Reconnect.Enabled = false;
            o.HeartbeatInterval = TimeSpan.FromHours(1); // keeps the client's own heartbeats out of the frames read here
        });
        var server = await harness.ConnectAsync();

        harness.Time.Advance(TimeSpan.FromSeconds(20));
        await harness.RoundTripAsync(server); // the reply is the last sign of life, 20 s in
        harness.Time.Advance(TimeSpan.FromSeconds(29.9));
        await harness.RoundTripAsync(server); // still the same connection, 49.9 s in
        harness.Time.Advance(TimeSpan.FromSeconds(30));

        var disconnected = await harness.Events.ExpectAsync<GatewayDisconnectedEventArgs>();
        Assert.Equal(ConnectionFailureKind.ServerSilent, disconnected.Reason.Kind);
        Assert.Contains("30 s", disconnected.Reason.Message, StringComparison.Ordinal);
    }
}
