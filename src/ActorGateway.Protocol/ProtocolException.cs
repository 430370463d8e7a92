using ActorGateway.Protocol.Messages;

namespace ActorGateway.Protocol;

/// <summary>
/// Bytes that break the Open API wire contract. Messages name sizes, payload types and field names, never field values,
/// so credentials carried by a message cannot leak through an exception.
/// </summary>
public sealed class ProtocolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProtocolException(ProtocolErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>What was wrong.</summary>
    public ProtocolErrorKind Kind { get; }

    /// <summary>
    /// The envelope's payload type when the envelope itself was readable; the stream is then still in sync and only this
    /// one message is lost.
    /// </summary>
    public uint? PayloadType { get; init; }

    /// <summary>The envelope's clientMsgId when the envelope itself was readable.</summary>
    public string? ClientMsgId { get; init; }

    /// <summary>
    /// The message as received, when the envelope was readable but its payload was not: nothing the server sent is lost,
    /// and it can still be handed on raw.
    /// </summary>
    public ProtoMessage? RawEnvelope { get; init; }

    /// <summary>
    /// True when the byte stream can no longer be trusted (a bad length prefix or a truncated or malformed envelope) and
    /// the connection must be closed; false when only a single payload was bad and the next frame can still be read.
    /// </summary>
    public bool BreaksStream => Kind is ProtocolErrorKind.FrameTooLarge or ProtocolErrorKind.TruncatedFrame
        or ProtocolErrorKind.MalformedEnvelope;
}
