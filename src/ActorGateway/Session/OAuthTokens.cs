namespace ActorGateway.Session;

/// <summary>An access token and the refresh token that renews it. Printing it never shows either.</summary>
/// <param name="AccessToken">Authorizes trading accounts.</param>
/// <param name="RefreshToken">Single use: once exchanged for a new pair it stops working (null when none is known).</param>
public sealed record OAuthTokens(string AccessToken, string? RefreshToken)
{
    /// <inheritdoc />
    public override string ToString() => RefreshToken is null ? "OAuthTokens(access: ***)" : "OAuthTokens(access: ***, refresh: ***)";
}
