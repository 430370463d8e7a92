using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace ActorGateway.Transport;

/// <summary>Opens TCP connections, with TLS unless it is turned off.</summary>
internal sealed class SocketTransportFactory(TlsSettings tls) : ITransportFactory
{
    public async ValueTask<ITransport> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
            if (tls.Enabled)
            {
                stream = await AuthenticateAsync(stream, host, port, cancellationToken).ConfigureAwait(false);
            }

            return new StreamTransport(stream);
        }
        catch (SocketException e)
        {
            await DisposeAsync(stream, socket).ConfigureAwait(false);
            throw new GatewayConnectionException(ConnectionFailureKind.ConnectFailed,
                $"Could not connect to {host}:{port}: {e.SocketErrorCode}.", e);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            await DisposeAsync(stream, socket).ConfigureAwait(false);
            throw new GatewayConnectionException(ConnectionFailureKind.TlsFailure,
                $"The TLS handshake with {host}:{port} failed: {e.Message}", e);
        }
        catch
        {
            await DisposeAsync(stream, socket).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<Stream> AuthenticateAsync(Stream inner, string host, int port, CancellationToken cancellationToken)
    {
        var check = new CertificateCheck(tls, host);
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = host,
            RemoteCertificateValidationCallback = check.Validate,
        };
        try
        {
            await ssl.AuthenticateAsClientAsync(options, cancellationToken).ConfigureAwait(false);
            return ssl;
        }
        catch (AuthenticationException e) when (check.Refusal is { } why)
        {
            // The platform only says the callback refused the certificate; the check knows why.
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw new GatewayConnectionException(ConnectionFailureKind.TlsFailure,
                $"The TLS handshake with {host}:{port} failed: {why}.", e);
        }
    }

    private static async ValueTask DisposeAsync(Stream? stream, Socket socket)
    {
        if (stream is not null)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }

        socket.Dispose();
    }
}
