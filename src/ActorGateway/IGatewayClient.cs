using ActorGateway.Protocol.Messages;
using Google.Protobuf;

namespace ActorGateway;

/// <summary>
/// A connection to a cTrader Open API server: ask a request and await its typed reply, or listen to what arrives.
/// Thread-safe: any number of callers may ask at once.
/// </summary>
public interface IGatewayClient : IAsyncDisposable
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

    /// <summary>Sends <paramref name="request"/> and awaits its reply.</summary>
    /// <typeparam name="TResponse">
    /// The reply's type: the request's response, <c>ProtoOAExecutionEvent</c> for a trading request, or
    /// <see cref="IMessage"/> for whichever reply comes.
    /// </typeparam>
    /// <param name="request">An Open API request message; its clientMsgId is chosen by the client. It is written later, on
    /// the connection's own loop, so it must not be changed until the call has completed.</param>
    /// <param name="timeout">How long to wait for the reply, queueing included (default: the configured request timeout).</param>
    /// <param name="cancellationToken">Cancels the wait. A request still queued is then never sent; a reply to one already
    /// sent is dropped.</param>
    /// <exception cref="ArgumentException">
    /// The message is not a request, or <typeparamref name="TResponse"/> does not answer it.
    /// </exception>
    /// <exception cref="GatewayRejectedException">The server answered with an error.</exception>
    /// <exception cref="GatewayTimeoutException">No reply in time.</exception>
    /// <exception cref="GatewayConnectionException">The connection was lost before the reply came.</exception>
    /// <exception cref="GatewayProtocolException">The request cannot be encoded, or the reply cannot be decoded.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Task<TResponse> AskAsync<TResponse>(IMessage request, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where TResponse : class, IMessage;

    /// <summary>
    /// Sends an envelope exactly as given (its payload type and clientMsgId untouched) through the same queue and throttle
    /// as requests. Completes once written; any reply arrives through <see cref="MessageReceived"/>.
    /// </summary>
    /// <exception cref="GatewayTimeoutException">It could not be written within <paramref name="timeout"/>.</exception>
    /// <exception cref="GatewayConnectionException">It could not be written because the connection went down.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled before it was written.</exception>
    public Task SendAsync(ProtoMessage envelope, TimeSpan? timeout = null, CancellationToken cancellationToken = default);
}
