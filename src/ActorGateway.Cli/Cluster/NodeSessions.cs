using ActorGateway.Cli.Common;
using ActorGateway.Cli.Connect;
using ActorGateway.Session;
using Microsoft.Extensions.Configuration;

namespace ActorGateway.Cli.Cluster;

/// <summary>
/// The session options of a node's accounts: the gateway section of the configuration with <c>--gateway</c> as its host,
/// and the credentials of the connect section (from the environment). Checked once, before the node starts, so a node
/// that could never open an account's session says so at once instead of failing every request later.
/// </summary>
internal static class NodeSessions
{
    /// <returns>Null for a client node, which opens no sessions.</returns>
    /// <exception cref="CliException">A client node given accounts, an account node without a valid --gateway, or no
    /// credentials.</exception>
    public static Func<long, SessionOptions>? For(NodeSettings settings, string? configFile)
    {
        if (!settings.HostsAccounts)
        {
            if (settings.Accounts.Count > 0 || settings.Gateway is not null)
            {
                throw new CliException("--client hosts no accounts: leave out --accounts and --gateway.");
            }

            return null;
        }

        if (settings.Gateway is not { } gateway)
        {
            throw new CliException("An account node needs --gateway HOST:PORT (the Open API endpoint its accounts connect to), or --client.");
        }

        var configuration = CliConfiguration.Load(configFile);
        try
        {
            _ = GatewayEndpoint.Parse(gateway, CliConfiguration.GatewayOptions(configuration).Port);
        }
        catch (ArgumentException)
        {
            throw new CliException($"--gateway takes HOST:PORT (a port from 1 to 65535), not '{gateway}'.");
        }

        var connect = new ConnectSettings();
        configuration.GetSection("connect").Bind(connect);
        var credentials = new CliCredentials(connect.ClientId, connect.ClientSecret, connect.AccessToken);
        credentials.Require();

        // A new instance per account start, as the cluster requires: it names each session's gateway itself.
        return _ =>
        {
            var options = CliConfiguration.GatewayOptions(configuration);
            options.Hosts = [gateway];
            options.Tls.Enabled &= !settings.Plain;
            options.Tls.AllowUntrustedCertificate |= settings.Insecure;
            return new SessionOptions
            {
                Gateway = options,
                ClientId = credentials.ClientId!,
                ClientSecret = credentials.ClientSecret!,
                AccessToken = credentials.AccessToken!,
            };
        };
    }
}
