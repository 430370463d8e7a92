using ActorGateway.Protocol.Messages;
using Google.Protobuf;

namespace ActorGateway.Cluster.Sharding;

/// <summary>
/// The market-data requests an entity sends as the session's <c>ChangeSubscription</c> rather than as plain requests, so
/// the session books them and renews them after its reconnects; and the response the requester expects, made from the
/// session's <c>SubscriptionChanged</c> (which a symbol already subscribed also gets, without asking the server again).
/// </summary>
internal static class BookedRequests
{
    public static bool IsBooked(IMessage request) => request is ProtoOASubscribeSpotsReq or ProtoOAUnsubscribeSpotsReq
        or ProtoOASubscribeLiveTrendbarReq or ProtoOAUnsubscribeLiveTrendbarReq
        or ProtoOASubscribeDepthQuotesReq or ProtoOAUnsubscribeDepthQuotesReq;

    /// <summary>The Open API response to <paramref name="request"/>, once the session has it in force.</summary>
    public static IMessage Response(IMessage request) => request switch
    {
        ProtoOASubscribeSpotsReq r => new ProtoOASubscribeSpotsRes { CtidTraderAccountId = r.CtidTraderAccountId },
        ProtoOAUnsubscribeSpotsReq r => new ProtoOAUnsubscribeSpotsRes { CtidTraderAccountId = r.CtidTraderAccountId },
        ProtoOASubscribeLiveTrendbarReq r => new ProtoOASubscribeLiveTrendbarRes { CtidTraderAccountId = r.CtidTraderAccountId },
        ProtoOAUnsubscribeLiveTrendbarReq r => new ProtoOAUnsubscribeLiveTrendbarRes { CtidTraderAccountId = r.CtidTraderAccountId },
        ProtoOASubscribeDepthQuotesReq r => new ProtoOASubscribeDepthQuotesRes { CtidTraderAccountId = r.CtidTraderAccountId },
        ProtoOAUnsubscribeDepthQuotesReq r => new ProtoOAUnsubscribeDepthQuotesRes { CtidTraderAccountId = r.CtidTraderAccountId },
        _ => throw new ArgumentException($"{request.Descriptor.Name} is not booked by the session.", nameof(request)),
    };
}
