using ActorGateway.Cli.Common;
using Microsoft.Extensions.Configuration;

namespace ActorGateway.Cli.Connect;

/// <summary>Where <c>connect</c> goes and as whom: the configuration files, then the command line's flags over them.</summary>
internal sealed record ConnectTarget(GatewayOptions Gateway, ConnectSettings Settings, bool Live)
{
    public static ConnectTarget Resolve(string? configFile, string? host, bool live, string? trustCertificate, bool insecure, long? account)
    {
        var configuration = CliConfiguration.Load(configFile);
        var gateway = CliConfiguration.GatewayOptions(configuration);
        var settings = new ConnectSettings();
        configuration.GetSection("connect").Bind(settings);

        if (host is not null)
        {
            CheckHost(host, gateway.Port);
            gateway.Hosts = [host];
        }
        else if (live)
        {
            gateway.Hosts = [OpenApiEndpoints.LiveHost];
        }

        if (trustCertificate is not null)
        {
            gateway.Tls.TrustedCertificatePath = Path.GetFullPath(trustCertificate);
        }

        gateway.Tls.AllowUntrustedCertificate |= insecure;
        if (account is { } id)
        {
            settings.AccountId = id;
        }

        if (account is < 0)
        {
            throw new CliException($"--account takes a ctidTraderAccountId (a positive number), not {account}.");
        }

        var liveHost = gateway.Hosts.Any(h => h.StartsWith(OpenApiEndpoints.LiveHost, StringComparison.OrdinalIgnoreCase));
        return new ConnectTarget(gateway, settings, live || liveHost);
    }

    /// <exception cref="CliException">The text is not host or host:port.</exception>
    private static void CheckHost(string host, int defaultPort)
    {
        try
        {
            _ = GatewayEndpoint.Parse(host, defaultPort);
        }
        catch (ArgumentException)
        {
            throw new CliException($"--host takes HOST or HOST:PORT (a port from 1 to 65535), not '{host}'.");
        }
    }
}
