using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Messages;
using Google.Protobuf;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// The baseline: a client with no actors, no correlation and no tasks per request. It frames requests straight into
/// the pipe's reused buffer and only counts the frames that come back, so it is as fast as the server lets anything be.
/// </summary>
internal sealed class RawClient : IAsyncDisposable
{
    private static readonly ProtoOAVersionReq VersionRequest = new();

    private readonly Stream _stream;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private long _lastId;

    private RawClient(Stream stream)
    {
        _stream = stream;
        _input = PipeReader.Create(stream);
        _output = PipeWriter.Create(stream);
    }

    public static async Task<RawClient> ConnectAsync(IPEndPoint endPoint, X509Certificate2? pinned, CancellationToken cancellationToken)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream stream;
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        if (pinned is null)
        {
            return new RawClient(stream);
        }

        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsClientAsync(PinnedTls.ClientOptions(pinned), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new RawClient(tls);
    }

    /// <summary>Sends one request and returns the payload type of the next frame that is not a heartbeat.</summary>
    public async Task<uint> AskAsync(IMessage request, CancellationToken cancellationToken)
    {
        FrameCodec.WriteMessage(_output, request, ++_lastId);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var (replies, lastPayloadType) = await ReadRepliesAsync(cancellationToken).ConfigureAwait(false);
            if (replies > 0)
            {
                return lastPayloadType;
            }
        }
    }

    /// <summary>One VersionReq → VersionRes round trip; returns its duration in Stopwatch ticks.</summary>
    public async Task<long> RoundTripAsync(CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        await AskAsync(VersionRequest, cancellationToken).ConfigureAwait(false);
        return Stopwatch.GetTimestamp() - start;
    }

    /// <summary>
    /// Keeps <paramref name="window"/> VersionReqs in flight until <paramref name="stopAt"/> (a Stopwatch timestamp), then
    /// drains them; returns the number of replies.
    /// </summary>
    public async Task<long> RunPipelinedAsync(int window, long stopAt, CancellationToken cancellationToken)
    {
        WriteVersionRequests(window);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        long outstanding = window;
        long answered = 0;
        while (outstanding > 0)
        {
            var (replies, _) = await ReadRepliesAsync(cancellationToken).ConfigureAwait(false);
            answered += replies;
            outstanding -= replies;
            if (replies > 0 && Stopwatch.GetTimestamp() < stopAt)
            {
                WriteVersionRequests(replies);
                outstanding += replies;
                await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return answered;
    }

    /// <summary>Writes <paramref name="count"/> requests without waiting for anything back.</summary>
    public async Task SendAsync(IMessage request, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            FrameCodec.WriteMessage(_output, request, ++_lastId);
            if (_output.UnflushedBytes >= 64 * 1024)
            {
                await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _input.CompleteAsync().ConfigureAwait(false);
        await _output.CompleteAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    private void WriteVersionRequests(int count)
    {
        for (var i = 0; i < count; i++)
        {
            FrameCodec.WriteMessage(_output, VersionRequest, ++_lastId);
        }
    }

    private async ValueTask<(int Replies, uint LastPayloadType)> ReadRepliesAsync(CancellationToken cancellationToken)
    {
        var result = await _input.ReadAsync(cancellationToken).ConfigureAwait(false);
        var buffer = result.Buffer;
        var (replies, last) = RawReplies.Take(ref buffer);
        _input.AdvanceTo(buffer.Start, buffer.End);
        if (result.IsCompleted && replies == 0)
        {
            throw new IOException("The simulator closed the raw client's connection.");
        }

        return (replies, last);
    }
}
