namespace ActorGateway.Session;

/// <summary>The validated, immutable copy of <see cref="SessionOptions"/> a session runs with.</summary>
internal sealed record SessionSettings(
    string ClientId,
    string ClientSecret,
    OAuthTokens Tokens,
    Func<OAuthTokens, CancellationToken, Task>? TokensRefreshed,
    GatewayEnvironment Environment,
    TimeSpan RequestTimeout,
    DateTimeOffset? AccessTokenExpiresAt)
{
    public static SessionSettings From(SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new SessionSettings(options.ClientId, options.ClientSecret, new OAuthTokens(options.AccessToken, options.RefreshToken),
            options.TokensRefreshed, options.ResolveEnvironment(), options.Gateway.RequestTimeout, options.AccessTokenExpiresAt);
    }

    /// <summary>How long the configured access token has left, when its expiry is known.</summary>
    public TimeSpan? AccessTokenLifetime(TimeProvider time) => AccessTokenExpiresAt - time.GetUtcNow();

    // A record prints its members; the secret and the tokens must never reach a log or an exception message.
    public override string ToString() => $"SessionSettings(client {ClientId}, {Environment})";
}
