using Google.Protobuf;

namespace ActorGateway.Session;

/// <summary>
/// Told to the session actor: be connected and authenticated. Answered with <see cref="SessionStarted"/>, or
/// <c>Status.Failure</c> with a <see cref="GatewayException"/> (credentials refused, no connection). Requests start the
/// session by themselves; this is for starting early.
/// </summary>
public sealed record StartSession
{
    /// <summary>The one instance.</summary>
    public static readonly StartSession Instance = new();
}

/// <summary>The session is connected, authenticated and restored.</summary>
public sealed record SessionStarted
{
    /// <summary>The one instance.</summary>
    public static readonly SessionStarted Instance = new();
}

/// <summary>
/// Told to the session actor: have <paramref name="AccountId"/> authorized. Answered with <see cref="AccountAuthorized"/>
/// or <c>Status.Failure</c> with a <see cref="GatewayAccountException"/>. Requests naming an account do this by themselves.
/// </summary>
public sealed record AuthorizeAccount(long AccountId);

/// <summary>The account is authorized on the session's connection.</summary>
public sealed record AccountAuthorized(long AccountId);

/// <summary>
/// Told to the session actor: a market-data subscription request (spots, live trendbars, depth, or their
/// unsubscriptions). The session keeps it in its book and renews it on every new connection; symbols already subscribed
/// are not asked again. Answered with <see cref="SubscriptionChanged"/>, or <c>Status.Failure</c> when the server refuses
/// (then nothing is kept).
/// </summary>
public sealed record ChangeSubscription(IMessage Request);

/// <summary>The subscription change is in force.</summary>
public sealed record SubscriptionChanged(IMessage Request);

/// <summary>
/// Told to the session actor: exchange the refresh token for a new pair now and persist it. Answered with
/// <see cref="TokensRenewed"/>, or <c>Status.Failure</c> (no refresh token, or the server refused it).
/// </summary>
public sealed record RefreshTokens
{
    /// <summary>The one instance.</summary>
    public static readonly RefreshTokens Instance = new();
}

/// <summary>The tokens were renewed and handed to the persistence callback; the new pair is never carried in a message.</summary>
public sealed record TokensRenewed
{
    /// <summary>The one instance.</summary>
    public static readonly TokensRenewed Instance = new();
}
