using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Threading.Channels;
using ActorGateway.Transport;

namespace ActorGateway.TestKit;

/// <summary>
/// Hands the client in-memory connections and the test their server ends (<see cref="AcceptAsync"/>). Connection
/// attempts can be made to fail or to hang, to test reconnection and connect timeouts.
/// </summary>
public sealed class InMemoryTransportFactory : ITransportFactory
{
    private static readonly PipeOptions Options = new(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19,
        useSynchronizationContext: false);

    private readonly Channel<InMemoryServer> _accepted = Channel.CreateUnbounded<InMemoryServer>();
    private readonly ConcurrentQueue<Exception> _failures = new();

    /// <summary>Every connection attempt, in order.</summary>
    public TestProbe<GatewayEndpoint> Attempts { get; } = new();

    /// <summary>When true, attempts never complete until the client gives up on them (its connect timeout).</summary>
    public bool HangConnects { get; set; }

    /// <summary>Makes the next attempt fail with <paramref name="error"/> (default: connection refused).</summary>
    public void FailNextConnect(Exception? error = null) =>
        _failures.Enqueue(error ?? new GatewayConnectionException(ConnectionFailureKind.ConnectFailed, "Connection refused by the test."));

    /// <inheritdoc />
    public async ValueTask<ITransport> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var endpoint = new GatewayEndpoint(host, port);
        Attempts.Tell(endpoint);
        if (_failures.TryDequeue(out var failure))
        {
            throw failure;
        }

        if (HangConnects)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }

        var toServer = new Pipe(Options);
        var toClient = new Pipe(Options);
        var clientEnd = new InMemoryTransport(toClient.Reader, toServer.Writer);
        _accepted.Writer.TryWrite(new InMemoryServer(endpoint, toServer.Reader, toClient.Writer, clientEnd));
        return clientEnd;
    }

    /// <summary>Awaits the server end of the next connection the client makes.</summary>
    /// <exception cref="TestKitException">The client made no connection within the bound.</exception>
    public async Task<InMemoryServer> AcceptAsync(TimeSpan? within = null)
    {
        var bound = within ?? TestTimeouts.Default;
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            return await _accepted.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TestKitException($"Expected the client to connect within {bound}.");
        }
    }
}
