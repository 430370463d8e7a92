using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ActorGateway.Protocol.Registry;

/// <summary>Everything the wire contract says about one payload type.</summary>
public sealed class MessageInfo
{
    internal MessageInfo(uint payloadType, string payloadTypeName, MessageDescriptor descriptor, MessageKind kind, RateClass rateClass)
    {
        PayloadType = payloadType;
        PayloadTypeName = payloadTypeName;
        Descriptor = descriptor;
        Kind = kind;
        RateClass = rateClass;
        HasAccountId = descriptor.FindFieldByName("ctidTraderAccountId") is not null;
    }

    /// <summary>The envelope's payloadType number (e.g. 2104).</summary>
    public uint PayloadType { get; }

    /// <summary>The payload-type enum name (e.g. <c>PROTO_OA_VERSION_REQ</c>); it does not always match the message name.</summary>
    public string PayloadTypeName { get; }

    /// <summary>The message name (e.g. <c>ProtoOAVersionReq</c>).</summary>
    public string Name => Descriptor.Name;

    /// <summary>The generated message class.</summary>
    public Type ClrType => Descriptor.ClrType;

    /// <summary>The parser for this payload type.</summary>
    public MessageParser Parser => Descriptor.Parser;

    /// <summary>The protobuf descriptor.</summary>
    public MessageDescriptor Descriptor { get; }

    /// <summary>Request, response or event.</summary>
    public MessageKind Kind { get; }

    /// <summary>The server budget a request is counted against; <see cref="RateClass.None"/> for anything else.</summary>
    public RateClass RateClass { get; }

    /// <summary>True for the two error replies (<c>ProtoErrorRes</c>, <c>ProtoOAErrorRes</c>).</summary>
    public bool IsError { get; internal init; }

    /// <summary>True for requests answered by an execution or order-error event rather than a response of their own.</summary>
    public bool IsTradingRequest { get; internal init; }

    /// <summary>True when the message has a <c>ctidTraderAccountId</c> field, i.e. it concerns one trading account.</summary>
    public bool HasAccountId { get; }

    /// <summary>
    /// For a request, the payload types that end it, besides the two error replies every request may get; empty for
    /// responses and events.
    /// </summary>
    public IReadOnlyList<uint> Replies => _replies;

    // An array rather than the interface: every reply is checked against it, and a loop over an array is the cheapest look.
    private uint[] _replies = [];

    /// <summary>True when <paramref name="payloadType"/> answers this request: one of <see cref="Replies"/> or an error reply.</summary>
    public bool IsAnsweredBy(uint payloadType)
    {
        if (Kind != MessageKind.Request)
        {
            return false;
        }

        if (payloadType is PayloadRegistry.ErrorRes or PayloadRegistry.OAErrorRes)
        {
            return true;
        }

        foreach (var reply in _replies)
        {
            if (reply == payloadType)
            {
                return true;
            }
        }

        return false;
    }

    internal void SetReplies(uint[] replies) => _replies = replies;

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({PayloadType})";
}
