using System.Buffers;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Registry;

namespace ActorGateway.Correlation;

/// <summary>
/// One request on its way: posted to the connection actor as the command to send it, then, once written, the tracker
/// that pairs it with its reply. It ends exactly once (reply, error reply, timeout, cancellation or connection lost);
/// every way of ending it is a <c>TrySet*</c>, so whichever comes first wins and the others do nothing.
/// </summary>
internal interface IPendingRequest
{
    /// <summary>The numeric clientMsgId; 0 for a raw send, whose reply is not tracked.</summary>
    public long Id { get; }

    /// <summary>The payload type of the request.</summary>
    public uint PayloadType { get; }

    /// <summary>The server budget the request counts against.</summary>
    public RateClass RateClass { get; }

    /// <summary>The trading account the request names, if any (the session authorizes it before the request goes out).</summary>
    public long? AccountId { get; }

    /// <summary>
    /// The connection the request may be written on (0: whichever is up). A request bound to another connection than the
    /// current one is never written: it goes back to <see cref="ReturnTo"/> as <c>Unsent</c>, or fails unwritten when
    /// nobody takes it back. The session binds what it sends, so nothing reaches a connection it has not authenticated.
    /// </summary>
    public int BoundTo { get; set; }

    /// <summary>Who takes the request back when its connection is not the current one (null: it fails instead).</summary>
    public Akka.Actor.IActorRef? ReturnTo { get; set; }

    /// <summary>When the request times out, as a <see cref="TimeProvider"/> timestamp (<see cref="long.MaxValue"/>: never).</summary>
    public long Deadline { get; }

    /// <summary>Asked right before the request is written: an exception refuses it, which then fails unwritten (null: no guard).</summary>
    public Func<GatewayException?>? WriteGuard => null;

    /// <summary>True once the request has ended; a request that ended while queued is never written.</summary>
    public bool IsCompleted { get; }

    /// <summary>Writes the request's frame.</summary>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ProtocolException">The request cannot be encoded; nothing was written.</exception>
    public int WriteTo(IBufferWriter<byte> output);

    /// <summary>
    /// When the request was written, as a <see cref="TimeProvider"/> timestamp; 0 until then, and 0 when nobody measures
    /// request durations.
    /// </summary>
    public long WrittenAt { get; }

    /// <summary>Marks the request written at <paramref name="timestamp"/>; true when it now waits for a reply.</summary>
    public bool OnWritten(long timestamp);

    /// <summary>True when a message of <paramref name="payloadType"/> carrying this request's id answers it.</summary>
    public bool IsAnsweredBy(uint payloadType);

    /// <summary>Ends the request with its reply (an error reply fails it); false when it had already ended.</summary>
    public bool TryComplete(in OpenApiMessage reply);

    /// <summary>Ends the request with <paramref name="error"/>; false when it had already ended.</summary>
    public bool TryFail(Exception error);

    /// <summary>
    /// Ends the request with a timeout; false when it had already ended. A request never written while
    /// <paramref name="connectFailure"/> says why no connection could be made ends with that failure instead.
    /// </summary>
    public bool TryTimeOut(GatewayConnectionException? connectFailure);
}
