namespace ActorGateway.Correlation;

/// <summary>The errors a request ends with, worded once for every kind of request.</summary>
internal static class RequestErrors
{
    /// <summary>
    /// A request whose time ran out: a timeout, unless it was never written because no connection could be made, in
    /// which case the caller learns why (refused, TLS, unreachable) rather than only that time passed.
    /// </summary>
    public static GatewayException TimedOut(string name, TimeSpan timeout, bool written, GatewayConnectionException? connectFailure) =>
        !written && connectFailure is not null
            ? new GatewayConnectionException(connectFailure.Kind,
                $"{name} was never written within {timeout.TotalMilliseconds:0} ms: {connectFailure.Message}", connectFailure)
            : new GatewayTimeoutException(name, timeout, written);
}
