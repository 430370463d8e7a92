using ActorGateway.Protocol.Messages;
using Google.Protobuf;

namespace ActorGateway.Protocol;

/// <summary>One decoded frame: the envelope's fields and the typed payload.</summary>
/// <param name="PayloadType">The envelope's payload type; dispatch on this, never on the payload's own field 1.</param>
/// <param name="Payload">
/// The typed message (e.g. <c>ProtoOASpotEvent</c>); for a payload type this contract does not know, the raw
/// <see cref="ProtoMessage"/> envelope, so nothing the server sent is lost.
/// </param>
/// <param name="ClientMsgId">The correlation id the sender put on the envelope, if any.</param>
public readonly record struct OpenApiMessage(uint PayloadType, IMessage Payload, string? ClientMsgId)
{
    /// <summary>False when the payload type is unknown and <see cref="Payload"/> is the raw envelope.</summary>
    public bool IsKnown => Payload is not ProtoMessage;
}
