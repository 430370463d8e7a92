using System.IO.Pipelines;

namespace ActorGateway.Transport;

/// <summary>
/// One open connection as a pair of pipes: the client reads the server's bytes from <see cref="IDuplexPipe.Input"/> and
/// writes its own to <see cref="IDuplexPipe.Output"/>. Disposing closes the connection.
/// </summary>
public interface ITransport : IDuplexPipe, IAsyncDisposable
{
}
