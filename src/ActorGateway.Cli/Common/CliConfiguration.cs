using ActorGateway.Hocon;
using Microsoft.Extensions.Configuration;

namespace ActorGateway.Cli.Common;

/// <summary>
/// The CLI's configuration: <c>hocon/reference.conf</c> (shipped beside the executable), then the user's <c>--config</c>
/// file over it. Credentials reach it from environment variables through the reference's <c>${?...}</c> substitutions.
/// </summary>
internal static class CliConfiguration
{
    public const string GatewaySection = "actor-gateway";

    public static string ReferencePath => Path.Combine(AppContext.BaseDirectory, "hocon", "reference.conf");

    /// <exception cref="HoconParseException">A file is not valid HOCON.</exception>
    /// <exception cref="FileNotFoundException">The user's file does not exist.</exception>
    public static IConfiguration Load(string? userFile)
    {
        var builder = new ConfigurationBuilder().AddHoconFile(ReferencePath);
        if (userFile is not null)
        {
            builder.AddHoconFile(Path.GetFullPath(userFile));
        }

        return builder.Build();
    }

    /// <summary>Binds the gateway's options from the <c>actor-gateway</c> section.</summary>
    public static GatewayOptions GatewayOptions(IConfiguration configuration)
    {
        var options = new GatewayOptions();
        configuration.GetSection(Key(GatewaySection)).Bind(options);
        return options;
    }

    /// <summary>The configuration key of a HOCON path: dashes dropped, as the HOCON source exposes it.</summary>
    public static string Key(string hoconPath) => hoconPath.Replace("-", "", StringComparison.Ordinal).Replace('.', ':');
}
