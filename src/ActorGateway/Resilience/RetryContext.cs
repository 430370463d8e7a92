namespace ActorGateway.Resilience;

/// <summary>What a retry policy knows when it decides.</summary>
/// <param name="PreviousRetryCount">How many attempts already failed since the last healthy connection (0 for the first).</param>
/// <param name="ElapsedTime">How long the client has been without a healthy connection.</param>
/// <param name="RetryReason">Why the last attempt failed or the connection was lost.</param>
public sealed record RetryContext(int PreviousRetryCount, TimeSpan ElapsedTime, Exception RetryReason);
