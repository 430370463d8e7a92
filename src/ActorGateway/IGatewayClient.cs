using ActorGateway.Protocol.Messages;
using Google.Protobuf;

namespace ActorGateway;

/// <summary>
/// A connection to a cTrader Open API server: ask a request and await its typed reply, or listen to what arrives.
/// Thread-safe: any number of callers may ask at once.
/// </summary>
public interface IGatewayClient : IGatewayRequester, IAsyncDisposable
{
    /// <summary>Raised when a connection is established (first time and after every reconnect).</summary>
    public event EventHandler<GatewayConnectedEventArgs>? Connected;

    /// <summary>Raised when an established connection is lost.</summary>
    public event EventHandler<GatewayDisconnectedEventArgs>? Disconnected;

    /// <summary>Raised when a connection attempt fails.</summary>
    public event EventHandler<GatewayConnectFailedEventArgs>? ConnectFailed;

    /// <summary>Raised for every message received, replies included.</summary>
    public event EventHandler<GatewayMessageEventArgs>? MessageReceived;

    /// <summary>Where the connection stands.</summary>
    public ConnectionState State { get; }

    /// <summary>Connects, unless connected already; requests connect by themselves, so this is optional.</summary>
    /// <exception cref="GatewayConnectionException">The retry policy gave up.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled (connecting goes on).</exception>
    public Task ConnectAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends an envelope exactly as given (its payload type and clientMsgId untouched) through the same queue and throttle
    /// as requests. Completes once written; any reply arrives through <see cref="MessageReceived"/>.
    /// </summary>
    /// <exception cref="GatewayTimeoutException">It could not be written within <paramref name="timeout"/>.</exception>
    /// <exception cref="GatewayConnectionException">It could not be written because the connection went down.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled before it was written.</exception>
    public Task SendAsync(ProtoMessage envelope, TimeSpan? timeout = null, CancellationToken cancellationToken = default);
}
