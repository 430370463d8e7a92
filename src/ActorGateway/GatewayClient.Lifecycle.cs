using ActorGateway.Actors;
using ActorGateway.Correlation;
using Akka.Actor;

namespace ActorGateway;

public sealed partial class GatewayClient
{
    private int _disposed;

    /// <summary>
    /// Connects unless connected. Waits through failed attempts for up to the request timeout; then, or when the retry
    /// policy gives up, fails with why the attempts failed (<see cref="GatewayConnectionException"/> of kind
    /// <see cref="ConnectionFailureKind.ConnectFailed"/> or <see cref="ConnectionFailureKind.TlsFailure"/>...).
    /// </summary>
    public Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(new Connect(waiter, _settings.RequestTimeout, Deadlines.After(_time, _settings.RequestTimeout)));
        return waiter.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Closes the connection and fails every pending request with a <see cref="GatewayConnectionException"/> of kind
    /// <see cref="ConnectionFailureKind.Disposed"/>; events already queued are still raised. Then stops the gateway
    /// actor, and the actor system if the client created it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // A gateway whose parent actor already stopped it answers nothing; its connection actor failed what was pending
        // as it stopped, so there is nothing left to close or drain.
        var stopped = Gateway.WatchAsync();
        Gateway.Tell(new Shutdown(closed));
        if (await Task.WhenAny(closed.Task, stopped).ConfigureAwait(false) == closed.Task)
        {
            await Task.WhenAny(_events.DrainAsync(), stopped).ConfigureAwait(false);
            await Gateway.GracefulStop(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }

        if (_ownsSystem)
        {
            await _system.Terminate().ConfigureAwait(false);
        }

        _wiring.Metrics.Dispose();
    }
}
