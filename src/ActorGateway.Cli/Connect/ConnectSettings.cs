namespace ActorGateway.Cli.Connect;

/// <summary>
/// Who the <c>connect</c> command is and which account it uses: the <c>connect</c> section of the configuration, whose
/// reference values come from environment variables (see <c>hocon/reference.conf</c>).
/// </summary>
internal sealed class ConnectSettings
{
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? AccessToken { get; set; }

    /// <summary>0: the token's first account of the environment.</summary>
    public long AccountId { get; set; }
}
