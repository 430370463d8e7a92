namespace ActorGateway.Session;

/// <summary>
/// Settings of a <see cref="GatewaySession"/>: the connection, the application's credentials and the OAuth tokens of the
/// trading accounts. Validated and copied when the session is created.
/// </summary>
public sealed class SessionOptions
{
    /// <summary>The connection's settings (hosts, TLS, timeouts, reconnection...).</summary>
    public GatewayOptions Gateway { get; set; } = new();

    /// <summary>The application's client id (required).</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The application's client secret (required). Never logged.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The access token that authorizes the trading accounts (required). Never logged.</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>
    /// The refresh token (default: none). With one, an invalidated access token is renewed automatically, and
    /// <see cref="TokensRefreshed"/> is given the new pair. Never logged.
    /// </summary>
    public string? RefreshToken { get; set; }

    /// <summary>
    /// Persists a renewed token pair (default: none). A refresh token works once, so a bot that restarts with the old
    /// pair can no longer refresh: store the new pair durably before this returns. A failure is logged; the session
    /// goes on with the new pair.
    /// </summary>
    public Func<OAuthTokens, CancellationToken, Task>? TokensRefreshed { get; set; }

    /// <summary>
    /// When the access token expires, if known (default: null). The session then refreshes it ahead of time, when four
    /// fifths of its remaining life have passed; after every refresh the server's stated lifetime is used.
    /// </summary>
    public DateTimeOffset? AccessTokenExpiresAt { get; set; }

    /// <summary>
    /// The environment of the hosts (default: null, which means <see cref="GatewayEnvironment.Live"/> when a host is
    /// <see cref="OpenApiEndpoints.LiveHost"/> and <see cref="GatewayEnvironment.Demo"/> otherwise). Accounts of the
    /// other environment are refused.
    /// </summary>
    public GatewayEnvironment? Environment { get; set; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range; the message names it, never its value.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Gateway, nameof(Gateway));
        Gateway.Validate();
        Require(ClientId, nameof(ClientId));
        Require(ClientSecret, nameof(ClientSecret));
        Require(AccessToken, nameof(AccessToken));
        if (RefreshToken is { Length: 0 })
        {
            throw new ArgumentException("SessionOptions.RefreshToken must be null or non-empty.", nameof(RefreshToken));
        }
    }

    internal GatewayEnvironment ResolveEnvironment() => Environment
        ?? (Gateway.Hosts.Any(h => h.StartsWith(OpenApiEndpoints.LiveHost, StringComparison.OrdinalIgnoreCase))
            ? GatewayEnvironment.Live
            : GatewayEnvironment.Demo);

    private static void Require(string value, string name)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"SessionOptions.{name} is required.", name);
        }
    }
}
