using ActorGateway.Protocol.Messages;

namespace ActorGateway.Publishing;

/// <summary>The payload types of the two ready-made streams.</summary>
public static class EventStreams
{
    /// <summary>
    /// Executions, order errors, trader and margin updates, trailing stop changes, and the token-invalidated and
    /// disconnect events: what a trading bot must not miss.
    /// </summary>
    public static IReadOnlySet<uint> Trading { get; } = new HashSet<uint>
    {
        (uint)ProtoOAPayloadType.ProtoOaExecutionEvent,
        (uint)ProtoOAPayloadType.ProtoOaOrderErrorEvent,
        (uint)ProtoOAPayloadType.ProtoOaTraderUpdateEvent,
        (uint)ProtoOAPayloadType.ProtoOaMarginChangedEvent,
        (uint)ProtoOAPayloadType.ProtoOaTrailingSlChangedEvent,
        (uint)ProtoOAPayloadType.ProtoOaAccountsTokenInvalidatedEvent,
        (uint)ProtoOAPayloadType.ProtoOaAccountDisconnectEvent,
        (uint)ProtoOAPayloadType.ProtoOaClientDisconnectEvent,
    };

    /// <summary>Spots (which carry live trendbars) and depth quotes.</summary>
    public static IReadOnlySet<uint> MarketData { get; } = new HashSet<uint>
    {
        (uint)ProtoOAPayloadType.ProtoOaSpotEvent,
        (uint)ProtoOAPayloadType.ProtoOaDepthEvent,
    };
}
