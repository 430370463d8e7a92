using System.IO.Pipelines;

namespace ActorGateway.Transport;

/// <summary>A socket's stream (plain or TLS) seen as two pipes.</summary>
internal sealed class StreamTransport : ITransport
{
    // A TLS record holds at most 16 KiB, and the pipe writer hands the stream one segment per write: segments this size
    // let one record carry as many frames as fit.
    private const int SegmentSize = 16 * 1024;
    private const int ReadBufferSize = 64 * 1024;

    private readonly Stream _stream;

    public StreamTransport(Stream stream)
    {
        _stream = stream;
        Input = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: ReadBufferSize, leaveOpen: true));
        Output = PipeWriter.Create(stream, new StreamPipeWriterOptions(minimumBufferSize: SegmentSize, leaveOpen: true));
    }

    public PipeReader Input { get; }

    public PipeWriter Output { get; }

    public async ValueTask DisposeAsync()
    {
        // The stream goes first: completing the writer flushes, which would wait forever on a peer that stopped reading.
        await _stream.DisposeAsync().ConfigureAwait(false);
        await Input.CompleteAsync().ConfigureAwait(false);
        try
        {
            await Output.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // Bytes still buffered are lost with the connection, which is being closed anyway.
        }
    }
}
