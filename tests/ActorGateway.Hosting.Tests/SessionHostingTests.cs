using ActorGateway.Hocon;
using ActorGateway.Protocol.Messages;
using ActorGateway.Session;
using ActorGateway.TestKit;
using Akka.Actor;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActorGateway.Hosting.Tests;

/// <summary>A hosted session: configured from keys, its secrets from the environment only, living in the host's actor system.</summary>
public sealed class SessionHostingTests
{
    [Fact]
    public async Task AddActorGatewaySession_starts_a_session_from_keys_with_secrets_from_the_environment_in_the_hosts_actor_system()
    {
        using var variables = new TestVariables();
        var secret = variables.Set("demo-secret");
        var token = variables.Set("demo-token");
        var transport = new InMemoryTransportFactory();
        using var host = TestHost.Build($$"""
            actor-gateway {
              hosts = ["sim.test:1"], connect-on-start = true
              session { client-id = my-app, client-secret = ${?{{secret}}}, access-token = ${?{{token}}} }
            }
            """, s => s.AddActorGatewaySession(configure: o => o.TransportFactory = transport));

        var start = host.StartAsync();
        var server = await transport.AcceptAsync();
        var (auth, id) = await server.ExpectAsync<ProtoOAApplicationAuthReq>();
        await server.SendAsync(new ProtoOAApplicationAuthRes(), id);
        await start.OrTimeout();

        Assert.Equal(("my-app", "demo-secret"), (auth.ClientId, auth.ClientSecret));
        var system = host.Services.GetRequiredService<ActorSystem>();
        var session = host.Services.GetRequiredService<GatewaySession>();
        Assert.Same(session, ActorGateways.Get(system).GetSession(""));
        Assert.Same(session, host.Services.GetRequiredKeyedService<GatewaySession>(""));
        Assert.Same(session, host.Services.GetRequiredService<IGatewaySession>());
        var gatewayActor = await system.ActorSelection("/user/gateway-default").ResolveOne(TestTimeouts.Default).OrTimeout();
        Assert.Equal(system.Name, gatewayActor.Path.Address.System);
        var sessionActor = await host.Services.GetRequiredService<Akka.Hosting.IRequiredActor<ActorGatewaySessionKey>>().GetAsync().OrTimeout();
        Assert.Equal(session.Actor, sessionActor);
        await host.StopAsync().OrTimeout();
    }

    [Fact]
    public async Task A_session_secret_written_in_a_hocon_file_stops_the_start_naming_the_key()
    {
        using var host = TestHost.Build("""
            actor-gateway.gateways.live.session { client-id = my-app, client-secret = "s3cr3t-value", access-token = tok }
            """, s => s.AddActorGatewaySession("live"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ActorGateway:Gateways:live:Session:ClientSecret is a secret and must come from the environment, not a file",
            error.Message, StringComparison.Ordinal);
        Assert.Contains("client-secret = ${?ACTORGATEWAY_CLIENT_SECRET}", error.Message, StringComparison.Ordinal);
        Assert.Contains("ActorGateway:Gateways:live:Session:AccessToken is a secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_secret_written_in_a_json_file_stops_the_start()
    {
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            { "ActorGateway": { "Session": { "ClientId": "my-app", "ClientSecret": "s3cr3t-value", "AccessToken": "tok" } } }
            """);
        try
        {
            using var host = Build(c => c.AddJsonFile(file), s => s.AddActorGatewaySession());

            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            Assert.Contains("ActorGateway:Session:ClientSecret is a secret and must come from the environment", error.Message,
                StringComparison.Ordinal);
            Assert.DoesNotContain("s3cr3t-value", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Session_secrets_from_environment_variables_are_accepted()
    {
        using var variables = new TestVariables();
        var prefix = variables.Prefix;
        variables.Set("demo-secret", $"{prefix}ActorGateway__Session__ClientSecret");
        variables.Set("tok", $"{prefix}ActorGateway__Session__AccessToken");
        using var host = Build(c => c.AddHoconString("actor-gateway.session.client-id = my-app").AddEnvironmentVariables(prefix),
            s => s.AddActorGatewaySession(configure: o => o.TransportFactory = new InMemoryTransportFactory()));

        await host.StartAsync().OrTimeout();

        Assert.NotNull(host.Services.GetRequiredService<GatewaySession>());
        await host.StopAsync().OrTimeout();
    }

    [Fact]
    public async Task A_session_without_credentials_stops_the_start_naming_each_key_and_its_variable()
    {
        using var host = TestHost.Build("", s => s.AddActorGatewaySession());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ActorGateway:Session:ClientId is required (reference.conf reads it from ACTORGATEWAY_CLIENT_ID).", error.Message,
            StringComparison.Ordinal);
        Assert.Contains("ActorGateway:Session:ClientSecret is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("ActorGateway:Session:AccessToken is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_session_and_a_gateway_may_not_share_a_name()
    {
        var services = new ServiceCollection().AddActorGateway("live");

        Assert.Throws<InvalidOperationException>(() => services.AddActorGatewaySession("live"));
    }

    private static IHost Build(Action<IConfigurationBuilder> configure, Action<IServiceCollection> register)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        configure(builder.Configuration);
        builder.Services.AddSingleton<ILoggerFactory>(new LogCollector());
        register(builder.Services);
        return builder.Build();
    }

    /// <summary>Environment variables of this test alone (unique names), removed when it ends.</summary>
    private sealed class TestVariables : IDisposable
    {
        private readonly List<string> _names = [];

        public string Prefix { get; } = $"AGTEST_{Guid.NewGuid():N}_";

        public string Set(string value, string? name = null)
        {
            name ??= $"{Prefix}{_names.Count}";
            Environment.SetEnvironmentVariable(name, value);
            _names.Add(name);
            return name;
        }

        public void Dispose() => _names.ForEach(n => Environment.SetEnvironmentVariable(n, null));
    }
}
