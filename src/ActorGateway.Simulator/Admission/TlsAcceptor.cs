using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Simulator.Admission;

/// <summary>
/// Turns an accepted socket into a TLS stream, spending as little as it can on clients that will not finish: it waits
/// for the client's first byte holding no handshake slot, takes a slot from the <see cref="HandshakeGate"/> (or refuses
/// the connection when the queue is full), and gives the whole thing <see cref="SimulatorOptions.HandshakeTimeout"/> from
/// the connection's arrival.
/// </summary>
internal sealed partial class TlsAcceptor
{
    // What the first byte is peeked into; its content is never read, so every connection may share it.
    private static readonly byte[] FirstByte = new byte[1];

    private readonly SslStreamCertificateContext _certificate;
    private readonly HandshakeGate _gate;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;
    private int _refused;
    private bool _refusing;

    public TlsAcceptor(X509Certificate2 certificate, SimulatorOptions options, TimeProvider time, ILogger logger)
    {
        // Built once: given only the certificate, every handshake would build its chain again.
        _certificate = SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true);
        _gate = new HandshakeGate(Math.Max(1, options.MaxConcurrentHandshakes), Math.Max(0, options.MaxQueuedHandshakes));
        _time = time;
        _timeout = options.HandshakeTimeout;
        _logger = logger;
    }

    public HandshakeGate Gate => _gate;

    /// <summary>Connections reset because the handshake queue was full.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>
    /// The TLS stream once the handshake is done; null when the client left, failed, timed out or was refused, in which
    /// case the socket has been closed.
    /// </summary>
    public async Task<SslStream?> AcceptAsync(long id, Socket socket, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            if (!await WaitForFirstByteAsync(socket, linked.Token).ConfigureAwait(false))
            {
                Log.LeftBeforeHandshake(_logger, id);
                socket.Dispose();
                return null;
            }

            if (!await _gate.TryEnterAsync(linked.Token).ConfigureAwait(false))
            {
                Refuse(socket);
                return null;
            }

            _refusing = false;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            LogFailure(id, e, deadline.IsCancellationRequested, "before it began");
            socket.Dispose();
            return null;
        }

        var tls = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificateContext = _certificate },
                linked.Token).ConfigureAwait(false);
            return tls;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or AuthenticationException or ObjectDisposedException)
        {
            LogFailure(id, e, deadline.IsCancellationRequested, "during it");
            await tls.DisposeAsync().ConfigureAwait(false);
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    // Peeks, so the byte stays for the handshake to read; false when the client closed without sending anything.
    private async Task<bool> WaitForFirstByteAsync(Socket socket, CancellationToken cancellationToken)
    {
        _gate.NotStartedAdded();
        try
        {
            return await socket.ReceiveAsync(FirstByte, SocketFlags.Peek, cancellationToken).ConfigureAwait(false) > 0;
        }
        finally
        {
            _gate.NotStartedRemoved();
        }
    }

    // Reset rather than a polite close, as at the connection cap: the client learns at once and no socket lingers.
    private void Refuse(Socket socket)
    {
        Interlocked.Increment(ref _refused);
        if (!_refusing)
        {
            // Once per spell of refusals, not per connection: a storm must not flood the log as well. Connections race
            // on the flag; the worst a race does is one line more.
            _refusing = true;
            Log.HandshakeQueueFull(_logger, _gate.Counts.Queued);
        }

        socket.LingerState = new LingerOption(true, 0);
        socket.Dispose();
    }

    private void LogFailure(long id, Exception e, bool timedOut, string where)
    {
        if (timedOut)
        {
            Log.HandshakeTimedOut(_logger, id, _timeout.TotalSeconds, where);
        }
        else if (e is not OperationCanceledException)
        {
            // The message, not the exception: a storm of failed handshakes must not cost a stack trace each.
            Log.HandshakeFailed(_logger, id, e.Message);
        }
    }
}
