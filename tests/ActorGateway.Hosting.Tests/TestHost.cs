using ActorGateway.Hocon;
using ActorGateway.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Hosting.Tests;

/// <summary>Builds a host whose configuration is one HOCON document and whose logs go to a <see cref="LogCollector"/>.</summary>
internal static class TestHost
{
    public static IHost Build(string hocon, Action<IServiceCollection> register, LogCollector? logs = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddHoconString(hocon, "test.conf");
        builder.Services.AddSingleton<ILoggerFactory>(logs ?? new LogCollector());
        register(builder.Services);
        return builder.Build();
    }
}
