using ActorGateway.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ActorGateway.Hosting.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task StartAsync_with_connect_on_start_connects_and_logs_through_the_host()
    {
        var transport = new InMemoryTransportFactory();
        var logs = new LogCollector();
        using var host = TestHost.Build("actor-gateway { hosts = [\"sim.test:1\"], connect-on-start = true }",
            s => s.AddActorGateway(o => o.TransportFactory = transport), logs);

        await host.StartAsync().OrTimeout();

        Assert.Equal(ConnectionState.Connected, host.Services.GetRequiredService<IGatewayClient>().State);
        Assert.Equal(new GatewayEndpoint("sim.test", 1), await transport.Attempts.ExpectAsync());
        await logs.WaitForAsync(e => e.EventId.Id == 4002);
        await logs.WaitForAsync(e => e.EventId.Id == 1002);
        await host.StopAsync().OrTimeout();
        logs.AssertNoUnexpectedEntries();
    }

    [Fact]
    public async Task StartAsync_without_connect_on_start_creates_the_client_but_does_not_connect()
    {
        var transport = new InMemoryTransportFactory();
        using var host = TestHost.Build("", s => s.AddActorGateway("demo", o => o.TransportFactory = transport));

        await host.StartAsync().OrTimeout();

        Assert.Equal(ConnectionState.Idle, host.Services.GetRequiredKeyedService<IGatewayClient>("demo").State);
        Assert.False(transport.Attempts.TryTake(out _));
        await host.StopAsync().OrTimeout();
    }

    [Fact]
    public async Task StopAsync_disposes_every_gateway_and_fails_their_pending_requests()
    {
        var transport = new InMemoryTransportFactory();
        using var host = TestHost.Build("", s => s
            .AddActorGateway("demo", o => o.TransportFactory = transport)
            .AddActorGateway("live", o => o.TransportFactory = transport));
        await host.StartAsync().OrTimeout();
        var demo = host.Services.GetRequiredKeyedService<IGatewayClient>("demo");
        var live = host.Services.GetRequiredKeyedService<IGatewayClient>("live");
        var pending = demo.GetVersionAsync();
        var server = await transport.AcceptAsync();
        await server.ExpectAsync<Protocol.Messages.ProtoOAVersionReq>();

        await host.StopAsync().OrTimeout();

        var error = await Assert.ThrowsAsync<GatewayConnectionException>(() => pending.OrTimeout());
        Assert.Equal(ConnectionFailureKind.Disposed, error.Kind);
        Assert.Equal((ConnectionState.Disposed, ConnectionState.Disposed), (demo.State, live.State));
        Assert.Throws<ObjectDisposedException>(() => host.Services.GetRequiredService<IGatewayClientFactory>().GetClient("demo"));
    }
}
