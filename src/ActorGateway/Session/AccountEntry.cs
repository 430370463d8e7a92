namespace ActorGateway.Session;

/// <summary>What the session knows of one trading account. Owned by the session actor.</summary>
internal sealed class AccountEntry
{
    /// <summary>The access token it is authorized with on the current connection; null when it is not authorized.</summary>
    public string? AuthorizedWith { get; set; }

    public bool IsAuthorized => AuthorizedWith is not null;

    /// <summary>Why it cannot be used; null when it can.</summary>
    public GatewayAccountException? Error { get; set; }

    /// <summary>True while an authorization of it is under way.</summary>
    public bool Working { get; set; }

    /// <summary>True while it waits for renewed tokens.</summary>
    public bool AwaitingTokens { get; set; }

    /// <summary>Its events had a gap (a reconnect, the server ended its session): the next authorization reconciles it.</summary>
    public bool ReconcileNext { get; set; }

    /// <summary>Requests and commands waiting for it to be authorized, in order.</summary>
    public Queue<Held> Parked { get; } = new();

    /// <summary>
    /// True when its error should not outlive the cause: a refusal the server may not repeat, or a token problem that
    /// new tokens solve. A wrong environment or an account the token does not grant stays.
    /// </summary>
    public bool ErrorClears => Error?.Kind is AccountFailureKind.AuthorizationFailed;
}
