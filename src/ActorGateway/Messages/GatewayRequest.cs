using Google.Protobuf;

namespace ActorGateway;

/// <summary>
/// A request for the gateway actor with its own timeout. Telling the bare protobuf request does the same with the
/// configured request timeout. The reply goes to the sender: the response message itself, or
/// <c>Status.Failure</c> with a <see cref="GatewayException"/> (error reply, timeout, lost connection).
/// </summary>
/// <param name="Request">The request message; its clientMsgId is the gateway's business.</param>
/// <param name="Timeout">How long to wait for the reply, queueing included (null: the configured request timeout).</param>
public sealed record GatewayRequest(IMessage Request, TimeSpan? Timeout = null);
