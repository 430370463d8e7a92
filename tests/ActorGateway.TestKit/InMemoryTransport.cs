using System.IO.Pipelines;
using ActorGateway.Transport;

namespace ActorGateway.TestKit;

/// <summary>The client's end of an in-memory connection; the test holds the other end, an <see cref="InMemoryServer"/>.</summary>
public sealed class InMemoryTransport : ITransport
{
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal InMemoryTransport(PipeReader input, PipeWriter output)
    {
        Input = input;
        Output = output;
    }

    /// <inheritdoc />
    public PipeReader Input { get; }

    /// <inheritdoc />
    public PipeWriter Output { get; }

    /// <summary>Completes when the client has closed (disposed) this transport.</summary>
    public Task Disposed => _disposed.Task;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Input.CompleteAsync().ConfigureAwait(false);
        await Output.CompleteAsync().ConfigureAwait(false);
        _disposed.TrySetResult();
    }
}
