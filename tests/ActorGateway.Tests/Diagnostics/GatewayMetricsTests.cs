using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;
using ActorGateway.Tests.Support;

namespace ActorGateway.Tests.Diagnostics;

public sealed class GatewayMetricsTests
{
    [Fact]
    public async Task AskAsync_records_requests_replies_errors_timeouts_and_latency_for_its_gateway()
    {
        var name = $"metrics-{Guid.NewGuid():N}";
        using var metrics = new MetricsRecorder(name);
        await using var harness = new ClientHarness(o => o.Name = name);
        var server = await harness.ConnectAsync();

        var answered = harness.Client.GetVersionAsync();
        var (_, first) = await server.ExpectAsync<ProtoOAVersionReq>();
        harness.Time.Advance(TimeSpan.FromMilliseconds(40));
        await server.SendAsync(new ProtoOAVersionRes { Version = "91" }, first);
        await answered.OrTimeout();
        var refused = harness.Client.GetVersionAsync();
        var (_, second) = await server.ExpectAsync<ProtoOAVersionReq>();
        await server.SendAsync(new ProtoOAErrorRes { ErrorCode = "CH_CLIENT_NOT_AUTHENTICATED" }, second);
        await Assert.ThrowsAsync<GatewayRejectedException>(() => refused.OrTimeout());
        var unanswered = harness.Client.GetVersionAsync(TimeSpan.FromSeconds(1));
        await server.ExpectAsync<ProtoOAVersionReq>();
        harness.Time.Advance(TimeSpan.FromSeconds(1.1));
        await Assert.ThrowsAsync<GatewayTimeoutException>(() => unanswered.OrTimeout());

        Assert.Equal(3, metrics.Sum("actorgateway.requests"));
        Assert.Equal(2, metrics.Sum("actorgateway.replies"));
        Assert.Equal(1, metrics.Sum("actorgateway.errors", "error.code=CH_CLIENT_NOT_AUTHENTICATED"));
        Assert.Equal(1, metrics.Sum("actorgateway.timeouts"));
        Assert.Equal(2, metrics.Count("actorgateway.request.duration"));
        Assert.Equal(40, metrics.Sum("actorgateway.request.duration"), precision: 0);
    }

    [Fact]
    public async Task Reconnect_is_counted_for_its_gateway_only()
    {
        var name = $"metrics-{Guid.NewGuid():N}";
        using var metrics = new MetricsRecorder(name);
        using var others = new MetricsRecorder("someone-else");
        await using var harness = new ClientHarness(o => o.Name = name);
        var server = await harness.ConnectAsync();

        await server.CloseAsync();
        await harness.Transport.AcceptAsync();
        while (await harness.Events.ExpectAsync() is not GatewayConnectedEventArgs)
        {
            // the disconnect comes first
        }

        Assert.Equal(1, metrics.Sum("actorgateway.reconnects"));
        Assert.Equal(0, others.Sum("actorgateway.reconnects"));
    }
}
