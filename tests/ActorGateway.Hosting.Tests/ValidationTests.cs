using ActorGateway.Hocon;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ActorGateway.Hosting.Tests;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("heartbeat-interval = 0s", "ActorGateway:Gateways:live:HeartbeatInterval must be positive.")]
    [InlineData("reconnect { initial-delay = 5s, max-delay = 1s }",
        "ActorGateway:Gateways:live:Reconnect:MaxDelay must not be below Reconnect.InitialDelay.")]
    [InlineData("throttle.standard-per-second = 0", "ActorGateway:Gateways:live:Throttle:StandardPerSecond must be positive.")]
    [InlineData("hosts = [\"ok.example\", \"bad.example:99999\"]", "ActorGateway:Gateways:live:Hosts:1 must be a host name")]
    [InlineData("tls.trusted-certificate-path = \"/no/such/ca.pem\"", "ActorGateway:Gateways:live:Tls:TrustedCertificatePath names a file")]
    public async Task StartAsync_with_an_invalid_setting_fails_naming_the_key(string setting, string expected)
    {
        using var host = TestHost.Build($"actor-gateway.gateways.live {{ {setting} }}", s => s.AddActorGateway("live"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_with_a_misspelt_key_fails_naming_it()
    {
        using var host = TestHost.Build("""
            actor-gateway {
              heartbeat-intervall = 5s
              tls { enabled = true, alow-untrusted-certificate = true }
              gateways.live { hosts = ["live.ctraderapi.com"], connect-on-start = false }
            }
            """, s => s.AddActorGateway().AddActorGateway("live"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ActorGateway:heartbeatintervall is not a gateway setting", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ActorGateway:tls:alowuntrustedcertificate is not a gateway setting", error.Message,
            StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Gateways:live", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StartAsync_with_a_misspelt_key_in_a_named_gateway_fails_naming_it()
    {
        using var host = TestHost.Build("actor-gateway.gateways.live { tls {}, hosts = [], conect-on-start = true }",
            s => s.AddActorGateway("live"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ActorGateway:Gateways:live:conectonstart is not a gateway setting", error.Message,
            StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(":tls ", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(":hosts ", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StartAsync_with_a_value_of_the_wrong_type_fails_naming_the_key()
    {
        using var host = TestHost.Build("actor-gateway.request-timeout = soon", s => s.AddActorGateway());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("ActorGateway:RequestTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_with_an_invalid_unnamed_gateway_names_the_ActorGateway_section()
    {
        using var host = TestHost.Build("actor-gateway.event-queue-capacity = 0", s => s.AddActorGateway());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ActorGateway:EventQueueCapacity must be positive.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_leaves_options_of_unregistered_names_alone()
    {
        var configuration = new ConfigurationBuilder().AddHoconString("x.port = 0").Build();
        using var provider = new ServiceCollection().AddActorGateway("live")
            .Configure<GatewayOptions>("other", o => o.Port = 0).AddSingleton<IConfiguration>(configuration).BuildServiceProvider();

        var other = provider.GetRequiredService<IOptionsMonitor<GatewayOptions>>().Get("other");

        Assert.Equal(0, other.Port);
    }
}
