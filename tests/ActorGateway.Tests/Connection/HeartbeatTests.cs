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

        _ = harness.Client.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = 1 }, TimeSpan.FromMinutes(5));
        await server.ExpectAsync<ProtoOATraderReq>();
        var waiting = Enumerable.Range(2, 20)
            .Select(i => harness.Client.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = i }, TimeSpan.FromMinutes(5)))
            .ToList();
        await harness.Time.WaitForPendingTimersAsync(2);
        harness.Time.Advance(TimeSpan.FromSeconds(10)); // the throttle lets one request through per second meanwhile

        var seen = new List<uint>();
        while (!seen.Contains(51u))
        {
            seen.Add((await server.ReceiveAsync()).PayloadType);
        }

        Assert.True(seen.Count <= 11, $"The heartbeat came after {seen.Count - 1} requests.");
        Assert.All(waiting, t => Assert.False(t.IsFaulted));
    }

    [Fact]
    public async Task Server_silence_longer_than_the_timeout_breaks_the_connection()
    {
        await using var harness = new ClientHarness(o => o.Reconnect.Enabled = false);
        var server = await harness.ConnectAsync();

        harness.Time.Advance(TimeSpan.FromSeconds(20));
        await server.SendAsync(new ProtoHeartbeatEvent()); // any frame counts as a sign of life
        await server.ExpectAsync<ProtoHeartbeatEvent>(); // the client's own heartbeat at 10 s
        await server.ExpectAsync<ProtoHeartbeatEvent>(); // and at 20 s
        harness.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(ConnectionState.Connected, harness.Client.State);
        harness.Time.Advance(TimeSpan.FromSeconds(1.1));

        var disconnected = await harness.Events.ExpectAsync<GatewayDisconnectedEventArgs>();
        Assert.Equal(ConnectionFailureKind.ServerSilent, disconnected.Reason.Kind);
    }
}
