namespace ActorGateway.Protocol;

/// <summary>What was wrong with bytes received from, or about to be sent to, the peer.</summary>
public enum ProtocolErrorKind
{
    /// <summary>A length prefix announced a frame larger than the configured maximum (or above 2 GiB).</summary>
    FrameTooLarge,

    /// <summary>The stream ended in the middle of a frame.</summary>
    TruncatedFrame,

    /// <summary>The frame is not a valid <c>ProtoMessage</c> envelope.</summary>
    MalformedEnvelope,

    /// <summary>The envelope is valid, but its payload does not parse as the message its payload type names.</summary>
    MalformedPayload,

    /// <summary>A proto2 <c>required</c> field is not set.</summary>
    MissingRequiredField,

    /// <summary>A message has no Open API payload type, so it cannot be wrapped in an envelope.</summary>
    UnknownMessageType,
}
