using System.IO.Pipelines;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Registry;
using Google.Protobuf;

namespace ActorGateway.TestKit;

/// <summary>
/// The server's end of an in-memory connection: the test reads exactly the frames the client wrote, one by one, writes
/// frames back, and closes or fails the connection when it likes.
/// </summary>
public sealed class InMemoryServer
{
    private readonly PipeWriter _toClient;
    private readonly FrameReader _fromClient;

    internal InMemoryServer(GatewayEndpoint endpoint, PipeReader fromClient, PipeWriter toClient, InMemoryTransport clientEnd)
    {
        Endpoint = endpoint;
        _fromClient = new FrameReader(fromClient);
        _toClient = toClient;
        ClientEnd = clientEnd;
    }

    /// <summary>The host and port the client asked for.</summary>
    public GatewayEndpoint Endpoint { get; }

    /// <summary>The client's end, e.g. to await <see cref="InMemoryTransport.Disposed"/>.</summary>
    public InMemoryTransport ClientEnd { get; }

    /// <summary>Reads the next frame the client wrote.</summary>
    /// <exception cref="TestKitException">Nothing came within the bound, or the client closed the connection.</exception>
    public async Task<OpenApiMessage> ReceiveAsync(TimeSpan? within = null)
    {
        var bound = within ?? TestTimeouts.Default;
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            return await _fromClient.ReadAsync(timeout.Token).ConfigureAwait(false)
                ?? throw new TestKitException("Expected a frame, but the client closed the connection.");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TestKitException($"Expected a frame within {bound}, but the client wrote none.");
        }
    }

    /// <summary>Reads the next frame and checks that it carries a <typeparamref name="T"/>.</summary>
    /// <exception cref="TestKitException">Nothing came, or another message came first.</exception>
    public async Task<(T Message, string? ClientMsgId)> ExpectAsync<T>(TimeSpan? within = null)
        where T : IMessage
    {
        var frame = await ReceiveAsync(within).ConfigureAwait(false);
        return frame.Payload is T typed
            ? (typed, frame.ClientMsgId)
            : throw new TestKitException($"Expected a {typeof(T).Name}, but the client wrote {frame.Payload.Descriptor.Name}.");
    }

    /// <summary>Checks that the client closes the connection without writing anything more.</summary>
    /// <exception cref="TestKitException">A frame came instead, or nothing happened within the bound.</exception>
    public async Task ExpectClosedAsync(TimeSpan? within = null)
    {
        var bound = within ?? TestTimeouts.Default;
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            if (await _fromClient.ReadAsync(timeout.Token).ConfigureAwait(false) is { } frame)
            {
                throw new TestKitException($"Expected the connection to close, but the client wrote {frame.Payload.Descriptor.Name}.");
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TestKitException($"Expected the client to close the connection within {bound}.");
        }
    }

    /// <summary>Writes one frame carrying <paramref name="message"/> to the client.</summary>
    public async Task SendAsync(IMessage message, string? clientMsgId = null)
    {
        FrameCodec.WriteMessage(_toClient, message, clientMsgId);
        await _toClient.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Writes one frame carrying <paramref name="message"/> without checking its required fields, to see how the client
    /// copes with a message the server should not have sent.
    /// </summary>
    public async Task SendUncheckedAsync(IMessage message, string? clientMsgId = null)
    {
        FrameCodec.WriteRaw(_toClient, PayloadRegistry.Of(message).PayloadType, message.ToByteArray(), clientMsgId);
        await _toClient.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Writes raw bytes to the client, e.g. a malformed frame.</summary>
    public async Task SendBytesAsync(ReadOnlyMemory<byte> bytes)
    {
        await _toClient.WriteAsync(bytes).ConfigureAwait(false);
    }

    /// <summary>Closes the connection from the server's side, as a server shutting down does.</summary>
    public async Task CloseAsync() => await _toClient.CompleteAsync().ConfigureAwait(false);

    /// <summary>Fails the connection: the client's next read throws <paramref name="error"/>, as after a reset.</summary>
    public async Task FailAsync(Exception? error = null) =>
        await _toClient.CompleteAsync(error ?? new IOException("Connection reset by the test.")).ConfigureAwait(false);
}
