using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Messages;
using Google.Protobuf;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// The other baseline for one request at a time: a socket used synchronously, so a round trip is one write and a
/// blocking read on the caller's thread, with no task, no pipe and no thread-pool hop in between. Not thread-safe: one
/// thread connects, uses and disposes it.
/// </summary>
internal sealed class BlockingRawClient : IDisposable
{
    private static readonly ProtoOAVersionReq VersionRequest = new();

    // A stalled server fails the round instead of holding the thread: a blocking read does not see a cancellation.
    private static readonly TimeSpan IoTimeout = TimeSpan.FromSeconds(10);

    private readonly Stream _stream;
    private readonly ArrayBufferWriter<byte> _output = new(256);
    private byte[] _input = new byte[16 * 1024];
    private int _start;
    private int _end;
    private long _lastId;

    private BlockingRawClient(Stream stream) => _stream = stream;

    public static BlockingRawClient Connect(IPEndPoint endPoint, X509Certificate2? pinned)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
            ReceiveTimeout = (int)IoTimeout.TotalMilliseconds,
            SendTimeout = (int)IoTimeout.TotalMilliseconds,
        };
        Stream stream;
        try
        {
            socket.Connect(endPoint);
            stream = new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        if (pinned is null)
        {
            return new BlockingRawClient(stream);
        }

        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        try
        {
            tls.AuthenticateAsClient(PinnedTls.ClientOptions(pinned));
        }
        catch
        {
            tls.Dispose();
            throw;
        }

        return new BlockingRawClient(tls);
    }

    /// <summary>Sends one request and returns the payload type of the next frame that is not a heartbeat.</summary>
    public uint Ask(IMessage request)
    {
        _output.ResetWrittenCount();
        FrameCodec.WriteMessage(_output, request, ++_lastId);
        _stream.Write(_output.WrittenSpan);
        while (true)
        {
            var buffered = new ReadOnlySequence<byte>(_input, _start, _end - _start);
            var (replies, lastPayloadType) = RawReplies.Take(ref buffered);
            _start = _end - (int)buffered.Length;
            if (replies > 0)
            {
                return lastPayloadType;
            }

            ReadMore();
        }
    }

    /// <summary>One VersionReq → VersionRes round trip; returns its duration in Stopwatch ticks.</summary>
    public long RoundTrip()
    {
        var start = Stopwatch.GetTimestamp();
        Ask(VersionRequest);
        return Stopwatch.GetTimestamp() - start;
    }

    public void Dispose() => _stream.Dispose();

    private void ReadMore()
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _input.Length)
        {
            // A partial frame fills the buffer: move it to the front, and make room if it alone is that large.
            var partial = _end - _start;
            var input = partial > _input.Length / 2 ? new byte[_input.Length * 2] : _input;
            Buffer.BlockCopy(_input, _start, input, 0, partial);
            (_input, _start, _end) = (input, 0, partial);
        }

        var read = _stream.Read(_input, _end, _input.Length - _end);
        _end += read > 0 ? read : throw new IOException("The simulator closed the blocking raw client's connection.");
    }
}
