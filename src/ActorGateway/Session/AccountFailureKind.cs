namespace ActorGateway.Session;

/// <summary>Why the session cannot use a trading account.</summary>
public enum AccountFailureKind
{
    /// <summary>The account belongs to the other environment (demo vs live) than the session's endpoint.</summary>
    WrongEnvironment,

    /// <summary>The configured access token does not grant the account.</summary>
    NotGranted,

    /// <summary>The access token stopped working and could not be refreshed (no refresh token, or the refresh failed).</summary>
    TokenInvalidated,

    /// <summary>The access token expired and the refresh token was refused (revoked, or used elsewhere): new tokens are needed.</summary>
    RefreshFailed,

    /// <summary>The server refused to authorize the account; the inner exception says why.</summary>
    AuthorizationFailed,
}
