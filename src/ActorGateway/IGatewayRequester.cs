using Google.Protobuf;

namespace ActorGateway;

/// <summary>
/// Sends Open API requests and awaits their typed replies: the bare <see cref="IGatewayClient"/> and the session both
/// do, so the typed helpers (<see cref="GatewayClientExtensions"/>, <see cref="GatewayTradingExtensions"/>) serve both.
/// </summary>
public interface IGatewayRequester
{
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
}
