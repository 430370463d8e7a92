namespace ActorGateway.Simulator.Exchange;

/// <summary>The access tokens the server honours, with their single-use refresh tokens. Owned by the exchange loop.</summary>
internal sealed class TokenBook
{
    private static readonly TimeSpan FreshLifetime = TimeSpan.FromSeconds(2_628_000);

    private readonly Dictionary<string, Token> _byAccess = [];
    private readonly Dictionary<string, Token> _byRefresh = [];
    private long _generation;

    public TokenBook(IEnumerable<TokenOptions> tokens, DateTimeOffset now)
    {
        foreach (var t in tokens)
        {
            Add(new Token(t.AccessToken, t.RefreshToken, t.AccountIds.ToHashSet(), t.UserId, now + t.ExpiresIn, t.ViewOnly));
        }
    }

    public static TimeSpan Lifetime => FreshLifetime;

    public Token? Find(string accessToken) => _byAccess.GetValueOrDefault(accessToken);

    /// <summary>Exchanges a refresh token for a new pair; the old pair stops working. Null for an unknown or used refresh token.</summary>
    public (Token Old, Token Fresh)? Refresh(string refreshToken, DateTimeOffset now)
    {
        if (!_byRefresh.TryGetValue(refreshToken, out var old))
        {
            return null;
        }

        Revoke(old.AccessToken);
        _generation++;
        var fresh = old with
        {
            AccessToken = $"sim-access-{_generation}-{Guid.NewGuid():N}",
            RefreshToken = $"sim-refresh-{_generation}-{Guid.NewGuid():N}",
            ExpiresAt = now + FreshLifetime,
        };
        Add(fresh);
        return (old, fresh);
    }

    /// <summary>Forgets a token and its refresh token; false when it was not known.</summary>
    public bool Revoke(string accessToken)
    {
        if (!_byAccess.Remove(accessToken, out var token))
        {
            return false;
        }

        _byRefresh.Remove(token.RefreshToken);
        return true;
    }

    private void Add(Token token)
    {
        _byAccess[token.AccessToken] = token;
        _byRefresh[token.RefreshToken] = token;
    }

    /// <summary>One access token's grant.</summary>
    public sealed record Token(
        string AccessToken, string RefreshToken, IReadOnlySet<long> AccountIds, long UserId, DateTimeOffset ExpiresAt, bool ViewOnly)
    {
        public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

        // Records print their members; a token must never reach a log or an exception message.
        public override string ToString() => $"Token(user {UserId}, {AccountIds.Count} accounts)";
    }
}
