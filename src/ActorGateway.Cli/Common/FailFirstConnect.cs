using ActorGateway.Resilience;

namespace ActorGateway.Cli.Common;

/// <summary>
/// The CLI's reconnect policy: a command whose very first connection cannot be made says why at once instead of
/// retrying for ever (a wrong host or an untrusted certificate will not fix itself), while a connection that was up
/// and dropped is retried with <paramref name="inner"/>'s backoff, so <c>spots</c> and the demo ride out drops.
/// </summary>
/// <remarks>
/// Not a pure function of its context, as policies usually are: whether a connection was ever made is read from the
/// reasons it is asked about. The connection actor asks it one call at a time, in order, so the flag needs no lock
/// beyond being visible across the threads that actor runs on.
/// </remarks>
internal sealed class FailFirstConnect(IRetryPolicy inner) : IRetryPolicy
{
    private volatile bool _wasConnected;

    public TimeSpan? NextRetryDelay(RetryContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.RetryReason is GatewayConnectionException { Kind: not (ConnectionFailureKind.ConnectFailed or ConnectionFailureKind.TlsFailure) })
        {
            // Only an established connection can be lost, closed or fall silent.
            _wasConnected = true;
        }

        return _wasConnected ? inner.NextRetryDelay(context) : null;
    }
}
