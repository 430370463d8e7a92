namespace ActorGateway.Simulator;

/// <summary>An OAuth access token, its single-use refresh token, and the accounts it may authorize.</summary>
public sealed class TokenOptions
{
    /// <summary>The access token.</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>The refresh token that can be exchanged once for a new pair.</summary>
    public string RefreshToken { get; set; } = "";

    /// <summary>The accounts this token grants.</summary>
    public List<long> AccountIds { get; set; } = [];

    /// <summary>The cTID user the token belongs to (default 42).</summary>
    public long UserId { get; set; } = 42;

    /// <summary>How long after server start the token expires (default 2,628,000 s, about 30 days); zero or less: already
    /// expired.</summary>
    public TimeSpan ExpiresIn { get; set; } = TimeSpan.FromSeconds(2_628_000);

    /// <summary>True for a view-only token (OAuth scope "accounts"): trading requests are refused (default false).</summary>
    public bool ViewOnly { get; set; }
}
