using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;
using Akka.Actor;
using Akka.Event;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Hosting.Tests;

/// <summary>Gateways live in the host's one actor system, run by Akka.Hosting, and their actors are in its registry.</summary>
public sealed class AkkaHostingTests
{
    [Fact]
    public async Task AddActorGateway_puts_every_gateway_into_the_hosts_one_actor_system_and_its_registry()
    {
        var transport = new InMemoryTransportFactory();
        using var host = TestHost.Build("", s => s
            .AddActorGateway(o => o.TransportFactory = transport)
            .AddActorGateway<LiveGateway>("live", o => o.TransportFactory = transport));
        await host.StartAsync().OrTimeout();

        var system = host.Services.GetRequiredService<ActorSystem>();
        var unnamed = (GatewayClient)host.Services.GetRequiredService<IGatewayClient>();
        var live = (GatewayClient)host.Services.GetRequiredKeyedService<IGatewayClient>("live");

        Assert.Equal(ActorGatewayServiceCollectionExtensions.ActorSystemName, system.Name);
        Assert.Equal(["", "live"], ActorGateways.Get(system).Names.Order());
        Assert.Equal(system.Name, unnamed.Gateway.Path.Address.System);
        Assert.Equal("/user/gateway-live", live.Gateway.Path.ToStringWithoutAddress());
        Assert.Equal(unnamed.Gateway, host.Services.GetRequiredService<IRequiredActor<ActorGatewayKey>>().ActorRef);
        Assert.Equal(live.Gateway, await host.Services.GetRequiredService<IRequiredActor<LiveGateway>>().GetAsync().OrTimeout());
        await host.StopAsync().OrTimeout();
    }

    [Fact]
    public async Task AddActorGateway_joins_the_actor_system_of_an_application_that_adds_Akka_itself()
    {
        var transport = new InMemoryTransportFactory();
        using var host = TestHost.Build("", s => s
            .AddAkka("trading", _ => { })
            .AddActorGateway(o => o.TransportFactory = transport));
        await host.StartAsync().OrTimeout();

        var client = (GatewayClient)host.Services.GetRequiredService<IGatewayClient>();

        Assert.Equal("trading", host.Services.GetRequiredService<ActorSystem>().Name);
        Assert.Equal("trading", client.Gateway.Path.Address.System);
        await host.StopAsync().OrTimeout();
    }

    [Fact]
    public async Task WithActorGateway_registers_the_gateway_actor_which_answers_and_the_stop_fails_what_is_pending_as_disposed()
    {
        var transport = new InMemoryTransportFactory();
        using var host = TestHost.Build("", s => s.AddAkka("app", b => b.WithActorGateway("sim",
            new GatewayOptions { Hosts = ["sim.test:1"], TransportFactory = transport })));
        await host.StartAsync().OrTimeout();
        var gateway = await host.Services.GetRequiredService<IRequiredActor<ActorGatewayKey>>().GetAsync().OrTimeout();

        var asked = gateway.Ask<ProtoOAVersionRes>(new ProtoOAVersionReq(), TestTimeouts.Default);
        var server = await transport.AcceptAsync();
        var (_, id) = await server.ExpectAsync<ProtoOAVersionReq>();
        await server.SendAsync(new ProtoOAVersionRes { Version = "91" }, id);

        Assert.Equal("91", (await asked.OrTimeout()).Version);
        Assert.Equal("/user/gateway-sim", gateway.Path.ToStringWithoutAddress());

        var pending = ActorGateways.Get(host.Services.GetRequiredService<ActorSystem>()).GetClient("sim").AskAsync<ProtoOAVersionRes>(
            new ProtoOAVersionReq());
        await server.ExpectAsync<ProtoOAVersionReq>();
        await host.StopAsync().OrTimeout();

        var error = await Assert.ThrowsAsync<GatewayConnectionException>(() => pending.OrTimeout());
        Assert.Equal(ConnectionFailureKind.Disposed, error.Kind);
    }

    [Fact]
    public void WithActorGateway_checks_its_options_when_configured()
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddAkka("app", b =>
            b.WithActorGateway("sim", new GatewayOptions { HeartbeatInterval = TimeSpan.Zero })).BuildServiceProvider()
            .GetRequiredService<AkkaConfigurationBuilder>());

        Assert.StartsWith("GatewayOptions.HeartbeatInterval must be positive.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Akka_logs_go_to_the_hosts_logger_factory()
    {
        var logs = new LogCollector();
        using var host = TestHost.Build("", s => s.AddActorGateway(o => o.TransportFactory = new InMemoryTransportFactory()), logs);
        await host.StartAsync().OrTimeout();

        host.Services.GetRequiredService<ActorSystem>().Log.Info("marker from the actor system {0}", 42);

        var entry = await logs.WaitForAsync(e => e.Message.Contains("marker from the actor system 42", StringComparison.Ordinal));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, entry.Level);
        await host.StopAsync().OrTimeout();
    }

    /// <summary>A registry key of the application's own, for a second gateway.</summary>
    private sealed class LiveGateway;
}
