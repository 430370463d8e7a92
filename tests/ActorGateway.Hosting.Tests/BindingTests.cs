using ActorGateway.Hocon;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ActorGateway.Hosting.Tests;

public sealed class BindingTests
{
    [Fact]
    public async Task AddActorGateway_binds_the_ActorGateway_section_from_hocon()
    {
        using var host = TestHost.Build("""
            actor-gateway {
              hosts = ["a.example:6000", "b.example"]
              request-timeout = 2500ms
              queued-requests = Fail
              reconnect { initial-delay = 250ms, max-attempts = 4 }
              throttle.historical-per-second = 3
              tls.allow-untrusted-certificate = true
            }
            """, s => s.AddActorGateway());

        var options = host.Services.GetRequiredService<IOptionsMonitor<GatewayOptions>>().Get(Options.DefaultName);

        Assert.Equal(["a.example:6000", "b.example"], options.Hosts);
        Assert.Equal((TimeSpan.FromMilliseconds(2500), QueuedRequestPolicy.Fail), (options.RequestTimeout, options.QueuedRequests));
        Assert.Equal((TimeSpan.FromMilliseconds(250), 4), (options.Reconnect.InitialDelay, options.Reconnect.MaxAttempts));
        Assert.Equal(3, options.Throttle.HistoricalPerSecond);
        Assert.True(options.Tls.AllowUntrustedCertificate);
        await host.StopAsync();
    }

    [Fact]
    public void AddActorGateway_takes_logging_and_clock_from_the_host()
    {
        var clock = new TestKit.FakeTimeProvider();
        using var host = TestHost.Build("", s => s.AddSingleton<TimeProvider>(clock).AddActorGateway());

        var options = host.Services.GetRequiredService<IOptionsMonitor<GatewayOptions>>().Get(Options.DefaultName);

        Assert.Same(clock, options.TimeProvider);
        Assert.IsType<TestKit.LogCollector>(options.LoggerFactory);
    }

    [Fact]
    public void AddActorGateway_configure_runs_after_binding_and_wins()
    {
        using var host = TestHost.Build("actor-gateway.port = 6000", s => s.AddActorGateway(o => o.Port = 7000));

        Assert.Equal(7000, host.Services.GetRequiredService<IOptionsMonitor<GatewayOptions>>().Get(Options.DefaultName).Port);
    }

    [Fact]
    public void A_named_gateway_tags_its_metrics_with_its_name_unless_its_section_names_it()
    {
        using var host = TestHost.Build("""
            actor-gateway.gateways {
              live { port = 5035 }
              demo { name = "demo-eu" }
            }
            """, s => s.AddActorGateway().AddActorGateway("live").AddActorGateway("demo"));
        var monitor = host.Services.GetRequiredService<IOptionsMonitor<GatewayOptions>>();

        Assert.Equal("default", monitor.Get(Options.DefaultName).Name);
        Assert.Equal("live", monitor.Get("live").Name);
        Assert.Equal("demo-eu", monitor.Get("demo").Name);
    }

    [Fact]
    public void Named_gateways_bind_their_own_sections_and_get_their_own_clients()
    {
        using var host = TestHost.Build("""
            actor-gateway.gateways {
              demo { hosts = ["demo.ctraderapi.com"] }
              live { hosts = ["live.ctraderapi.com"], heartbeat-interval = 5s }
            }
            """, s => s.AddActorGateway("demo").AddActorGateway("live"));

        var monitor = host.Services.GetRequiredService<IOptionsMonitor<GatewayOptions>>();
        var factory = host.Services.GetRequiredService<IGatewayClientFactory>();

        Assert.Equal(["demo.ctraderapi.com"], monitor.Get("demo").Hosts);
        Assert.Equal(["live.ctraderapi.com"], monitor.Get("live").Hosts);
        Assert.Equal(TimeSpan.FromSeconds(5), monitor.Get("live").HeartbeatInterval);
        Assert.Equal(["demo", "live"], factory.Names.Order());
        Assert.Same(factory.GetClient("live"), host.Services.GetRequiredKeyedService<IGatewayClient>("live"));
        Assert.NotSame(factory.GetClient("live"), factory.GetClient("demo"));
        Assert.Null(host.Services.GetService<IGatewayClient>());
    }

    [Fact]
    public void AddActorGateway_with_an_explicit_section_binds_it()
    {
        var configuration = new ConfigurationBuilder().AddHoconString("trading.primary { port = 6100, connect-on-start = true }").Build();
        var services = new ServiceCollection().AddActorGateway("", configuration.GetSection("trading:primary"));
        using var provider = services.BuildServiceProvider();

        Assert.Equal(6100, provider.GetRequiredService<IOptionsMonitor<GatewayOptions>>().Get("").Port);
        Assert.True(provider.GetRequiredService<IOptionsMonitor<GatewayHostOptions>>().Get("").ConnectOnStart);
    }

    [Fact]
    public void AddActorGateway_twice_with_one_name_is_refused()
    {
        var services = new ServiceCollection().AddActorGateway("live");

        var error = Assert.Throws<InvalidOperationException>(() => services.AddActorGateway("live"));

        Assert.Contains("'live'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetClient_of_an_unregistered_name_lists_the_registered_ones()
    {
        using var host = TestHost.Build("", s => s.AddActorGateway("demo"));
        var factory = host.Services.GetRequiredService<IGatewayClientFactory>();

        var error = Assert.Throws<InvalidOperationException>(() => factory.GetClient("live"));

        Assert.Contains("'live'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'demo'", error.Message, StringComparison.Ordinal);
    }
}
