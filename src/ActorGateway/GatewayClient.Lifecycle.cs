using ActorGateway.Actors;

namespace ActorGateway;

public sealed partial class GatewayClient
{
    private int _disposed;

    /// <inheritdoc />
    public Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ObjectDisposedException.ThrowIf(!_actor.Post(new ConnectionActor.Connect(waiter)), this);
        return waiter.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Closes the connection and fails every pending request with a <see cref="GatewayConnectionException"/> of kind
    /// <see cref="ConnectionFailureKind.Disposed"/>; events already queued are still raised.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _actor.DisposeAsync().ConfigureAwait(false);
        await _events.DisposeAsync().ConfigureAwait(false);
        _metrics.Dispose();
    }
}
