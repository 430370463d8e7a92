using ActorGateway.Session;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ActorGateway.Hosting;

public static partial class ActorGatewayServiceCollectionExtensions
{
    /// <summary>
    /// Adds a hosted <see cref="GatewaySession"/> (resolvable as <see cref="GatewaySession"/> and <see cref="IGatewaySession"/>
    /// for the unnamed one, whose actor is also in the actor registry under <see cref="ActorGatewaySessionKey"/>, and as
    /// the keyed service <paramref name="name"/>): its connection is bound like a gateway's
    /// (<c>ActorGateway</c> or <c>ActorGateway:Gateways:&lt;name&gt;</c>), its credentials from the <c>Session</c> section
    /// under it (<see cref="SessionHostOptions"/>), secrets from the environment only. It lives in the host's actor
    /// system, is created when the host starts (and started then with <c>connect-on-start</c>), and disposed when it stops.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The session's name; "" (default) binds the <c>ActorGateway</c> section.</param>
    /// <param name="configure">Runs after binding the connection's options, so what it sets wins (default: nothing).</param>
    /// <returns>The services.</returns>
    /// <exception cref="InvalidOperationException">A gateway or session of that name is registered already.</exception>
    public static IServiceCollection AddActorGatewaySession(this IServiceCollection services, string name = "",
        Action<GatewayOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var path = PathOf(name);
        services.AddGateway(name, path, section: null, configure, isSession: true, key: null);
        services.AddOptions<SessionHostOptions>(name).BindConfiguration($"{path}:Session").ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SessionHostOptions>, SessionHostOptionsValidator>());
        services.AddKeyedSingleton(name, (sp, _) => sp.GetRequiredService<GatewayClientFactory>().GetSession(name));
        if (name.Length == 0)
        {
            services.TryAddSingleton(sp => sp.GetRequiredService<GatewayClientFactory>().GetSession(Options.DefaultName));
            services.TryAddSingleton<IGatewaySession>(sp => sp.GetRequiredService<GatewaySession>());
        }

        return services;
    }
}
