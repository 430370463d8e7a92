using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using Google.Protobuf;

namespace ActorGateway.Protocol;

/// <summary>Wraps messages into <see cref="ProtoMessage"/> envelopes and unwraps them, for code that works with envelopes.</summary>
public static class Envelope
{
    /// <summary>Wraps a message; the payload type comes from the message's type, never from its own field 1.</summary>
    /// <exception cref="ProtocolException">The message is not an Open API payload, or a required field is not set.</exception>
    public static ProtoMessage Wrap(IMessage message, string? clientMsgId = null)
    {
        var info = PayloadRegistry.Of(message);
        RequiredFields.ThrowIfMissing(message);
        var envelope = new ProtoMessage { PayloadType = info.PayloadType, Payload = message.ToByteString() };
        if (clientMsgId is not null)
        {
            envelope.ClientMsgId = clientMsgId;
        }

        return envelope;
    }

    /// <summary>
    /// Unwraps an envelope to its typed message, dispatching on the envelope's payload type; an unknown payload type
    /// gives back the envelope itself.
    /// </summary>
    /// <exception cref="ProtocolException">The payload does not parse as the message its payload type names.</exception>
    public static IMessage Unwrap(ProtoMessage envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (!PayloadRegistry.TryGet(envelope.PayloadType, out _))
        {
            return envelope;
        }

        var frame = new FrameEnvelope(envelope.PayloadType, new(envelope.Payload.Memory), envelope.HasClientMsgId ? envelope.ClientMsgId : null);
        return MessageDecoder.Decode(frame).Payload;
    }

    /// <summary>Unwraps an envelope that must carry a <typeparamref name="TMessage"/>.</summary>
    /// <exception cref="ProtocolException">The envelope carries another payload type, or its payload is malformed.</exception>
    public static TMessage Unwrap<TMessage>(ProtoMessage envelope) where TMessage : IMessage<TMessage> =>
        Unwrap(envelope) is TMessage typed
            ? typed
            : throw new ProtocolException(ProtocolErrorKind.UnknownMessageType,
                $"The envelope carries payload type {envelope.PayloadType}, not {typeof(TMessage).Name}.")
            {
                PayloadType = envelope.PayloadType,
            };
}
