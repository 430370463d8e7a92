namespace ActorGateway.Simulator;

/// <summary>
/// The registered application and the tokens and trading accounts the server knows. Empty lists mean the built-in demo
/// set (see the README): one token covering two demo accounts and one live account.
/// </summary>
public sealed class CredentialOptions
{
    /// <summary>The application's client id (default "actorgateway-demo").</summary>
    public string ClientId { get; set; } = "actorgateway-demo";

    /// <summary>The application's client secret (default "demo-secret").</summary>
    public string ClientSecret { get; set; } = "demo-secret";

    /// <summary>The trading accounts; empty means the built-in demo accounts.</summary>
    public List<AccountOptions> Accounts { get; set; } = [];

    /// <summary>The access tokens; empty means the built-in demo token.</summary>
    public List<TokenOptions> Tokens { get; set; } = [];

    internal IReadOnlyList<AccountOptions> EffectiveAccounts => Accounts.Count > 0 ? Accounts :
    [
        new AccountOptions { AccountId = 1001, TraderLogin = 5001001, Balance = 10_000m },
        new AccountOptions { AccountId = 1002, TraderLogin = 5001002, Balance = 50_000m, Leverage = 30 },
        new AccountOptions { AccountId = 2001, TraderLogin = 7002001, Balance = 2_500m, IsLive = true },
    ];

    internal IReadOnlyList<TokenOptions> EffectiveTokens => Tokens.Count > 0 ? Tokens :
    [
        new TokenOptions { AccessToken = "demo-access-token", RefreshToken = "demo-refresh-token", AccountIds = [1001, 1002, 2001] },
    ];
}
