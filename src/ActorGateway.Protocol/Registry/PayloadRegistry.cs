using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using ActorGateway.Protocol.Messages;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ActorGateway.Protocol.Registry;

/// <summary>
/// The payload-type catalogue, built once from the message descriptors: payloadType ↔ message type, request / response /
/// event, which replies end which request, and the rate class of each request.
/// </summary>
public static class PayloadRegistry
{
    /// <summary>The generic proxy-level error reply (50).</summary>
    public const uint ErrorRes = (uint)ProtoPayloadType.ErrorRes;

    /// <summary>The heartbeat, sent both ways (51).</summary>
    public const uint HeartbeatEvent = (uint)ProtoPayloadType.HeartbeatEvent;

    /// <summary>The Open API error reply (2142).</summary>
    public const uint OAErrorRes = (uint)ProtoOAPayloadType.ProtoOaErrorRes;

    // The server's historical-data budget names trendbars, ticks and deals; the cash-flow history and the other history
    // listings are counted with them too, which at worst makes the client more careful than the server requires.
    private static readonly FrozenSet<string> HistoricalRequests = new[]
    {
        nameof(ProtoOAGetTrendbarsReq), nameof(ProtoOAGetTickDataReq), nameof(ProtoOADealListReq),
        nameof(ProtoOACashFlowHistoryListReq), nameof(ProtoOADealListByPositionIdReq), nameof(ProtoOAOrderListReq),
        nameof(ProtoOAOrderListByPositionIdReq),
    }.ToFrozenSet();

    private static readonly FrozenSet<string> TradingRequests = new[]
    {
        nameof(ProtoOANewOrderReq), nameof(ProtoOACancelOrderReq), nameof(ProtoOAAmendOrderReq),
        nameof(ProtoOAAmendPositionSLTPReq), nameof(ProtoOAClosePositionReq),
    }.ToFrozenSet();

    private static readonly MessageInfo?[] ByNumber;
    private static readonly FrozenDictionary<Type, MessageInfo> ByType;

    static PayloadRegistry()
    {
        var infos = new List<MessageInfo>();
        foreach (var file in new[] { OpenApiCommonMessagesReflection.Descriptor, OpenApiMessagesReflection.Descriptor })
        {
            foreach (var descriptor in file.MessageTypes)
            {
                if (Describe(descriptor) is { } info)
                {
                    infos.Add(info);
                }
            }
        }

        var byName = infos.ToDictionary(i => i.Name);
        foreach (var info in infos.Where(i => i.Kind == MessageKind.Request))
        {
            info.SetReplies(info.IsTradingRequest
                ? [byName[nameof(ProtoOAExecutionEvent)].PayloadType, byName[nameof(ProtoOAOrderErrorEvent)].PayloadType]
                : [byName[info.Name[..^3] + "Res"].PayloadType]);
        }

        ByNumber = new MessageInfo?[infos.Max(i => i.PayloadType) + 1];
        foreach (var info in infos)
        {
            ByNumber[info.PayloadType] = info;
        }

        ByType = infos.ToFrozenDictionary(i => i.ClrType);
        All = infos.OrderBy(i => i.PayloadType).ToArray();
    }

    /// <summary>Every known payload type, in numeric order.</summary>
    public static IReadOnlyList<MessageInfo> All { get; }

    /// <summary>Looks a payload type up; false for a number this contract does not know (e.g. from a newer server).</summary>
    public static bool TryGet(uint payloadType, [NotNullWhen(true)] out MessageInfo? info)
    {
        info = payloadType < (uint)ByNumber.Length ? ByNumber[payloadType] : null;
        return info is not null;
    }

    /// <summary>Describes the payload type of a message instance.</summary>
    /// <exception cref="ProtocolException">The message is not an Open API payload (e.g. a model type or the envelope).</exception>
    public static MessageInfo Of(IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Of(message.GetType());
    }

    /// <summary>Describes the payload type of a generated message class.</summary>
    /// <exception cref="ProtocolException">The type is not an Open API payload.</exception>
    public static MessageInfo Of<TMessage>() where TMessage : IMessage => Of(typeof(TMessage));

    /// <summary>Describes the payload type of a generated message class.</summary>
    /// <exception cref="ProtocolException">The type is not an Open API payload.</exception>
    public static MessageInfo Of(Type messageType) =>
        ByType.TryGetValue(messageType, out var info)
            ? info
            : throw new ProtocolException(ProtocolErrorKind.UnknownMessageType,
                $"{messageType.Name} is not an Open API payload: it has no payload type of its own.");

    /// <summary>True when <paramref name="reply"/> ends a request of type <paramref name="request"/> (errors included).</summary>
    public static bool IsReplyTo(uint request, uint reply) => TryGet(request, out var info) && info.IsAnsweredBy(reply);

    private static MessageInfo? Describe(MessageDescriptor descriptor)
    {
        var field = descriptor.FindFieldByNumber(1);
        if (field is not { Name: "payloadType", FieldType: FieldType.Enum })
        {
            return null;
        }

        // The payload type is the declared default of the message's own field 1, read from an empty instance.
        var empty = descriptor.Parser.ParseFrom(ByteString.Empty);
        var number = Convert.ToUInt32(field.Accessor.GetValue(empty), System.Globalization.CultureInfo.InvariantCulture);
        var enumName = field.EnumType.FindValueByNumber((int)number).Name;
        var kind = descriptor.Name switch
        {
            var n when n.EndsWith("Req", StringComparison.Ordinal) => MessageKind.Request,
            var n when n.EndsWith("Res", StringComparison.Ordinal) => MessageKind.Response,
            _ => MessageKind.Event,
        };
        var rateClass = kind != MessageKind.Request ? RateClass.None
            : HistoricalRequests.Contains(descriptor.Name) ? RateClass.Historical : RateClass.Standard;
        return new MessageInfo(number, enumName, descriptor, kind, rateClass)
        {
            IsError = number is ErrorRes or OAErrorRes,
            IsTradingRequest = TradingRequests.Contains(descriptor.Name),
        };
    }
}
