using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Framing;
using Google.Protobuf;

namespace ActorGateway.Tests.Support;

/// <summary>
/// A minimal Open API server on 127.0.0.1 and a free port, over TCP or TLS, that answers every version request and
/// echoes nothing else: enough to test the real transports end to end.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2? _certificate;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public LoopbackServer(X509Certificate2? certificate = null)
    {
        _certificate = certificate;
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        var sessions = new List<Task>();
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                sessions.Add(ServeAsync(socket));
            }
        }
        catch (Exception e) when (e is OperationCanceledException || (e is SocketException && _stop.IsCancellationRequested))
        {
            // Stopping: the cancellation or the listener's stop, whichever the pending accept saw first.
        }

        await Task.WhenAll(sessions);
    }

    private async Task ServeAsync(Socket socket)
    {
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            if (_certificate is not null)
            {
                var ssl = new SslStream(stream);
                stream = ssl;
                await ssl.AuthenticateAsServerAsync(_certificate);
            }

            await AnswerAsync(PipeReader.Create(stream), PipeWriter.Create(stream));
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
        {
            // the client hung up, refused the certificate, or the server is stopping
        }
        finally
        {
            await stream.DisposeAsync();
        }
    }

    private async Task AnswerAsync(PipeReader input, PipeWriter output)
    {
        var reader = new FrameReader(input);
        while (await reader.ReadAsync(_stop.Token) is { } request)
        {
            if (request.Payload is Protocol.Messages.ProtoOAVersionReq)
            {
                Reply(output, new Protocol.Messages.ProtoOAVersionRes { Version = "loopback" }, request);
                await output.FlushAsync(_stop.Token);
            }
        }
    }

    private static void Reply(PipeWriter output, IMessage reply, OpenApiMessage request) =>
        FrameCodec.WriteMessage(output, reply, request.ClientMsgId);
}
