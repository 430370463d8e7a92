using Akka.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActorGateway.Hosting;

/// <summary>
/// Registers ActorGateway clients in a service collection: each gateway's options are bound from configuration,
/// validated when the host starts, and its client lives as a singleton until the host stops. Every gateway lives in the
/// host's one actor system, run by Akka.Hosting: added here unless the application calls <c>AddAkka</c> itself.
/// </summary>
public static partial class ActorGatewayServiceCollectionExtensions
{
    /// <summary>
    /// The configuration section of the unnamed gateway; named ones live under <c>ActorGateway:Gateways:&lt;name&gt;</c>.
    /// </summary>
    public const string SectionName = "ActorGateway";

    /// <summary>The name of the actor system added when the application has not added one with <c>AddAkka</c>.</summary>
    public const string ActorSystemName = "actorgateway";

    /// <summary>
    /// Adds the unnamed gateway, bound from the <c>ActorGateway</c> section of the host's <see cref="IConfiguration"/> and
    /// resolvable as <see cref="IGatewayClient"/>; its actor is registered under <see cref="ActorGatewayKey"/>.
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
        return services.AddGateway(name, PathOf(name), section: null, configure, isSession: false,
            key: name.Length == 0 ? typeof(ActorGatewayKey) : null);
    }

    /// <summary>
    /// Adds a named gateway as <see cref="AddActorGateway(IServiceCollection, string, Action{GatewayOptions}?)"/> does, its
    /// actor registered under <typeparamref name="TKey"/> for <c>IRequiredActor&lt;TKey&gt;</c>.
    /// </summary>
    /// <inheritdoc cref="AddActorGateway(IServiceCollection, string, Action{GatewayOptions}?)"/>
    public static IServiceCollection AddActorGateway<TKey>(this IServiceCollection services, string name,
        Action<GatewayOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return services.AddGateway(name, PathOf(name), section: null, configure, isSession: false, key: typeof(TKey));
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
        return services.AddGateway(name, path, section, configure, isSession: false,
            key: name.Length == 0 ? typeof(ActorGatewayKey) : null);
    }

    private static string PathOf(string name) => name.Length == 0 ? SectionName : $"{SectionName}:Gateways:{name}";

    private static IServiceCollection AddGateway(this IServiceCollection services, string name, string path,
        IConfiguration? section, Action<GatewayOptions>? configure, bool isSession, Type? key)
    {
        ArgumentNullException.ThrowIfNull(services);
        Registry(services).Add(name, path, section, isSession, key);

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

        // Akka.Hosting's service first, so the system is up before the gateways start and still up while they stop.
        AddAkkaUnlessAdded(services);
        services.TryAddSingleton<GatewayClientFactory>();
        services.TryAddSingleton<IGatewayClientFactory>(sp => sp.GetRequiredService<GatewayClientFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, GatewayHostedService>());
        if (!isSession)
        {
            services.AddKeyedSingleton<IGatewayClient>(name, (sp, _) => sp.GetRequiredService<IGatewayClientFactory>().GetClient(name));
            if (name.Length == 0)
            {
                services.TryAddSingleton<IGatewayClient>(sp => sp.GetRequiredService<IGatewayClientFactory>().GetClient(Options.DefaultName));
            }
        }

        return services;
    }

    /// <summary>
    /// One actor system per host: Akka.Hosting's, with Akka's logging sent to the host's <see cref="ILoggerFactory"/>. An
    /// application that calls <c>AddAkka</c> itself (before or after) keeps its own system and logging settings.
    /// </summary>
    private static void AddAkkaUnlessAdded(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(AkkaConfigurationBuilder)))
        {
            return;
        }

        services.AddAkka(ActorSystemName, builder => builder.ConfigureLoggers(loggers =>
        {
            loggers.ClearLoggers();
            loggers.AddLoggerFactory();
        }));
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
