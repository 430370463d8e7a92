using ActorGateway.Session;
using Akka.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Hosting;

/// <summary>
/// ActorGateway for Akka.Hosting: <c>services.AddAkka("trading", b => b.WithActorGateway("live", options))</c> puts a
/// gateway into the host's actor system when it starts and registers its actor, so actors and services get it as
/// <c>IRequiredActor&lt;TKey&gt;</c>. Task code finds it through <see cref="ActorGateways"/>. The system's coordinated
/// shutdown disposes it.
/// </summary>
public static class AkkaConfigurationBuilderExtensions
{
    /// <summary>Adds a gateway whose actor is registered under <see cref="ActorGatewayKey"/>.</summary>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="name">The gateway's name in <see cref="ActorGateways"/>; also its actor's name unless the options name one.</param>
    /// <param name="options">Its options, checked now; the host's logging is used unless they name a logger factory.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The options are not valid; the message names the setting.</exception>
    public static AkkaConfigurationBuilder WithActorGateway(this AkkaConfigurationBuilder builder, string name, GatewayOptions options) =>
        builder.WithActorGateway<ActorGatewayKey>(name, options);

    /// <summary>Adds a gateway whose actor is registered under <typeparamref name="TKey"/> (one key type per gateway).</summary>
    /// <inheritdoc cref="WithActorGateway(AkkaConfigurationBuilder, string, GatewayOptions)"/>
    public static AkkaConfigurationBuilder WithActorGateway<TKey>(this AkkaConfigurationBuilder builder, string name, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Prepare(name, options);
        return builder.WithActors((system, registry, resolver) =>
        {
            options.LoggerFactory ??= resolver.GetService<ILoggerFactory>();
            var client = ActorGateways.Get(system).AddClient(name, options);
            registry.Register<TKey>(client.Gateway);
        });
    }

    /// <summary>
    /// Adds a <see cref="GatewaySession"/> whose gateway lives in the host's actor system; get it from
    /// <see cref="ActorGateways.GetSession"/>. It connects and authenticates on its first call.
    /// </summary>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="name">The session's name in <see cref="ActorGateways"/>.</param>
    /// <param name="options">Its options, checked now (never echoing a secret); credentials belong in the environment.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The options are not valid; the message names the setting.</exception>
    public static AkkaConfigurationBuilder WithActorGatewaySession(this AkkaConfigurationBuilder builder, string name, SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        Prepare(name, options.Gateway);
        options.Validate();
        return builder.WithActors((system, _, resolver) =>
        {
            options.Gateway.LoggerFactory ??= resolver.GetService<ILoggerFactory>();
            ActorGateways.Get(system).AddSession(name, options);
        });
    }

    /// <summary>Names the gateway's actor after <paramref name="name"/> unless the options chose a name, then checks them.</summary>
    private static void Prepare(string name, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        if (name.Length > 0 && options.Name == new GatewayOptions().Name)
        {
            options.Name = name;
        }

        options.Validate();
    }
}
