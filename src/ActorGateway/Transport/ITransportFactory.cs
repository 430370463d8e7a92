namespace ActorGateway.Transport;

/// <summary>Opens connections; the seam where tests put an in-memory transport.</summary>
public interface ITransportFactory
{
    /// <summary>Opens a connection to <paramref name="host"/>:<paramref name="port"/>, TLS handshake included.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled (the client's connect timeout uses it).</exception>
    /// <exception cref="GatewayConnectionException">
    /// The connection could not be made; <see cref="ConnectionFailureKind"/> says why.
    /// </exception>
    public ValueTask<ITransport> ConnectAsync(string host, int port, CancellationToken cancellationToken);
}
