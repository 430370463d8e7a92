namespace ActorGateway.Resilience;

/// <summary>Decides how long to wait before the next connection attempt. A pure function of its context.</summary>
public interface IRetryPolicy
{
    /// <summary>The delay before the next attempt, or null to stop trying.</summary>
    public TimeSpan? NextRetryDelay(RetryContext context);
}
