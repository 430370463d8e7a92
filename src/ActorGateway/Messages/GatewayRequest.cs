using Google.Protobuf;

namespace ActorGateway;

/// <summary>
/// A request for the gateway actor with its own timeout. Telling the bare protobuf request does the same with the
/// configured request timeout. The reply goes to the sender: the response message itself, or
/// <c>Status.Failure</c> with a <see cref="GatewayException"/> (error reply, timeout, lost connection).
/// </summary>
/// <param name="Request">The request message; its clientMsgId is the gateway's business.</param>
/// <param name="Timeout">How long to wait for the reply, queueing included (null: the configured request timeout).</param>
/// <param name="WriteGuard">
/// Asked on the connection actor right before the request's frame is written, however long it waited before (null: always
/// written). An exception it returns ends the request with that exception, unwritten: a caller whose right to act can lapse
/// (a cluster node's lease on the account) is so checked at the last moment, not when it asked. Keep it quick and
/// thread-safe; it must not throw.
/// </param>
public sealed record GatewayRequest(IMessage Request, TimeSpan? Timeout = null, Func<GatewayException?>? WriteGuard = null);
