using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActorGateway.Hosting;

/// <summary>
/// Registers ActorGateway clients in a service collection: each gateway's options are bound from configuration,
/// validated when the host starts, and its client lives as a singleton until the host stops.
/// </summary>
public static class ActorGatewayServiceCollectionExtensions
{
    /// <summary>
    /// The configuration section of the unnamed gateway; named ones live under <c>ActorGateway:Gateways:&lt;name&gt;</c>.
    /// </summary>
    public const string SectionName = "ActorGateway";

    /// <summary>
    /// Adds the unnamed gateway, bound from the <c>ActorGateway</c> section of the host's <see cref="IConfiguration"/> and
    /// resolvable as <see cref="IGatewayClient"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Runs after binding, so what it sets wins over configuration (default: nothing).</param>
    /// <returns>The services.</returns>
    /// <exception cref="InvalidOperationException">The unnamed gateway is registered already.</exception>
    public static IServiceCollection AddActorGateway(this IServiceCollection services, Action<GatewayOptions>? configure = null) =>
        services.AddActorGateway(Options.DefaultName, configure);

    /// <summary>
    /// Adds a named gateway, bound from <c>ActorGateway:Gateways:&lt;name&gt;</c> and resolvable as the keyed service
    /// <see cref="IGatewayClient"/> with key <paramref name="name"/> or through <see cref="IGatewayClientFactory"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The gateway's name, e.g. "demo" or "live"; "" is the unnamed gateway.</param>
    /// <param name="configure">Runs after binding, so what it sets wins over configuration (default: nothing).</param>
    /// <returns>The services.</returns>
    /// <exception cref="InvalidOperationException">A gateway of that name is registered already.</exception>
    public static IServiceCollection AddActorGateway(this IServiceCollection services, string name,
        Action<GatewayOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var path = name.Length == 0 ? SectionName : $"{SectionName}:Gateways:{name}";
        return services.AddGateway(name, path, section: null, configure);
    }

    /// <summary>Adds a named gateway bound from the given configuration section instead of the conventional one.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The gateway's name; "" is the unnamed gateway, also resolvable as <see cref="IGatewayClient"/>.</param>
    /// <param name="section">Where its options (and <see cref="GatewayHostOptions"/>) are read from.</param>
    /// <param name="configure">Runs after binding, so what it sets wins over configuration (default: nothing).</param>
    /// <returns>The services.</returns>
    /// <exception cref="InvalidOperationException">A gateway of that name is registered already.</exception>
    public static IServiceCollection AddActorGateway(this IServiceCollection services, string name, IConfiguration section,
        Action<GatewayOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(section);
        var path = section is IConfigurationSection { Path: var p } ? p : SectionName;
        return services.AddGateway(name, path, section, configure);
    }

    private static IServiceCollection AddGateway(this IServiceCollection services, string name, string path,
        IConfiguration? section, Action<GatewayOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        Registry(services).Add(name, path, section);

        var options = services.AddOptions<GatewayOptions>(name).Configure<IServiceProvider>(UseHostServices);
        if (name.Length > 0)
        {
            // Before binding, so a `name` key in the gateway's own section still wins: it tags the gateway's metrics.
            options.Configure(o => o.Name = name);
        }

        var hostOptions = services.AddOptions<GatewayHostOptions>(name);
        if (section is null)
        {
            // Bound from the host's IConfiguration when the options are first read, so sources added later still count.
            options.BindConfiguration(path);
            hostOptions.BindConfiguration(path);
        }
        else
        {
            options.Bind(section);
            hostOptions.Bind(section);
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();

        services.TryAddSingleton<GatewayClientFactory>();
        services.TryAddSingleton<IGatewayClientFactory>(sp => sp.GetRequiredService<GatewayClientFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, GatewayHostedService>());
        services.AddKeyedSingleton<IGatewayClient>(name, (sp, _) => sp.GetRequiredService<IGatewayClientFactory>().GetClient(name));
        if (name.Length == 0)
        {
            services.TryAddSingleton<IGatewayClient>(sp => sp.GetRequiredService<IGatewayClientFactory>().GetClient(Options.DefaultName));
        }

        return services;
    }

    /// <summary>The host's logging and clock, unless the options already name their own.</summary>
    private static void UseHostServices(GatewayOptions options, IServiceProvider services)
    {
        options.LoggerFactory ??= services.GetService<ILoggerFactory>();
        if (services.GetService<TimeProvider>() is { } time)
        {
            options.TimeProvider = time;
        }
    }

    private static GatewayRegistry Registry(IServiceCollection services)
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(GatewayRegistry) && !d.IsKeyedService);
        if (existing?.ImplementationInstance is GatewayRegistry registry)
        {
            return registry;
        }

        registry = new GatewayRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}
