using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Registry;
using ActorGateway.TestKit;
using Google.Protobuf;

namespace ActorGateway.Simulator.Tests.Support;

/// <summary>
/// A bare Open API client for tests: frames in, frames out, nothing in between. Every receive is bounded by
/// <see cref="TestTimeouts"/>.
/// </summary>
internal sealed class RawClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly Stream _stream;
    private readonly PipeWriter _output;
    private readonly FrameReader _frames;

    private RawClient(TcpClient tcp, Stream stream)
    {
        _tcp = tcp;
        _stream = stream;
        _output = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        _frames = new FrameReader(PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true)));
    }

    /// <summary>Connects to an in-process server, trusting exactly its certificate.</summary>
    public static Task<RawClient> ConnectAsync(SimulatorServer server)
    {
        var expected = server.Certificate?.GetCertHashString();
        return ConnectAsync(server.EndPoint, server.UsesTls ? certificate => certificate?.GetCertHashString() == expected : null);
    }

    /// <summary>Connects over TLS when <paramref name="trust"/> is given (it decides whether the certificate is acceptable).</summary>
    public static async Task<RawClient> ConnectAsync(IPEndPoint endPoint, Func<X509Certificate?, bool>? trust)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(endPoint).OrTimeout();
        Stream stream = tcp.GetStream();
        if (trust is not null)
        {
            var tls = new SslStream(stream, false, (_, certificate, _, _) => trust(certificate));
            await tls.AuthenticateAsClientAsync("localhost").OrTimeout();
            stream = tls;
        }

        return new RawClient(tcp, stream);
    }

    public async Task SendAsync(IMessage message, string? clientMsgId = null)
    {
        FrameCodec.WriteMessage(_output, message, clientMsgId);
        await _output.FlushAsync();
    }

    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>The next frame, heartbeats included; null when the server closed the connection.</summary>
    public async Task<OpenApiMessage?> ReceiveAnyAsync()
    {
        try
        {
            return await _frames.ReadAsync().OrTimeout();
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The next frame that is not a heartbeat.</summary>
    public async Task<OpenApiMessage> ReceiveAsync()
    {
        while (true)
        {
            var message = await ReceiveAnyAsync() ?? throw new InvalidOperationException("The server closed the connection.");
            if (message.PayloadType != PayloadRegistry.HeartbeatEvent)
            {
                return message;
            }
        }
    }

    /// <summary>The next frame that is not a heartbeat, which must be a <typeparamref name="T"/>.</summary>
    public async Task<T> ExpectAsync<T>(string? clientMsgId = null) where T : IMessage
    {
        var message = await ReceiveAsync();
        Assert.True(message.Payload is T, $"Expected {typeof(T).Name} but received {message.Payload.Descriptor.Name}: {message.Payload}");
        Assert.Equal(clientMsgId, message.ClientMsgId);
        return (T)message.Payload;
    }

    /// <summary>Reads until a <typeparamref name="T"/> arrives; returns it and what came before it (heartbeats left out).</summary>
    public async Task<(T Reply, List<IMessage> Before)> CollectUntilAsync<T>() where T : IMessage
    {
        var before = new List<IMessage>();
        while (true)
        {
            var message = await ReceiveAsync();
            if (message.Payload is T reply)
            {
                return (reply, before);
            }

            before.Add(message.Payload);
        }
    }

    /// <summary>Completes when the server has closed the connection (skipping anything it sent first).</summary>
    public async Task ExpectClosedAsync()
    {
        while (await ReceiveAnyAsync() is not null)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _output.CompleteAsync();
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }
}
