using ActorGateway.Resilience;

namespace ActorGateway.Session;

/// <summary>
/// The user's retry policy, except that it gives up while the session has stopped wanting a connection (the server
/// refused the application's credentials: reconnecting would only be refused again). The next call starts over.
/// </summary>
internal sealed class SessionRetryPolicy(IRetryPolicy inner, Func<bool> stopped) : IRetryPolicy
{
    public TimeSpan? NextRetryDelay(RetryContext context) => stopped() ? null : inner.NextRetryDelay(context);
}
