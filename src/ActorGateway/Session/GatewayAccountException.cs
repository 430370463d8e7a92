namespace ActorGateway.Session;

/// <summary>The session cannot use a trading account. The message names the account, never a token.</summary>
public sealed class GatewayAccountException : GatewayException
{
    /// <summary>Creates the exception.</summary>
    public GatewayAccountException(long accountId, AccountFailureKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        AccountId = accountId;
        Kind = kind;
    }

    /// <summary>The trading account concerned.</summary>
    public long AccountId { get; }

    /// <summary>What went wrong.</summary>
    public AccountFailureKind Kind { get; }
}
