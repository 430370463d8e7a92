namespace ActorGateway.Cluster;

/// <summary>
/// This node no longer holds the account's lease (it was frozen, cut off, or the lease store is unreachable), so it
/// refused to write the order: another node may own the account now. Nothing was written. Send the request again: the
/// cluster routes it to the account's current owner once that node holds the lease.
/// </summary>
public sealed class GatewayFencedException : GatewayException
{
    /// <summary>Creates the exception.</summary>
    public GatewayFencedException(long accountId, string message)
        : base(message)
    {
        AccountId = accountId;
    }

    /// <summary>The trading account concerned.</summary>
    public long AccountId { get; }

    /// <summary>Always true: the account's new owner will take the request.</summary>
    public override bool IsTransient => true;
}
