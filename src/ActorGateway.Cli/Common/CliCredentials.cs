namespace ActorGateway.Cli.Common;

/// <summary>Who a command is: the application's id and secret and the access token. Printing it never shows the secrets.</summary>
internal sealed record CliCredentials(string? ClientId, string? ClientSecret, string? AccessToken)
{
    /// <summary>The environment variables that carry the credentials; named in help and in errors.</summary>
    public const string Variables =
        "ACTORGATEWAY_CLIENT_ID, ACTORGATEWAY_CLIENT_SECRET and ACTORGATEWAY_ACCESS_TOKEN (optionally ACTORGATEWAY_ACCOUNT_ID)";

    /// <exception cref="CliException">A credential is missing; the message names the variable that supplies it.</exception>
    public void Require()
    {
        if (string.IsNullOrEmpty(ClientId) || string.IsNullOrEmpty(ClientSecret))
        {
            throw new CliException("No application credentials: set ACTORGATEWAY_CLIENT_ID and ACTORGATEWAY_CLIENT_SECRET "
                + "(or connect.client-id / connect.client-secret in the --config file).");
        }

        if (string.IsNullOrEmpty(AccessToken))
        {
            throw new CliException("No access token: set ACTORGATEWAY_ACCESS_TOKEN (or connect.access-token in the --config file).");
        }
    }

    public override string ToString() => $"CliCredentials(client {ClientId}, secret ***, token ***)";
}
