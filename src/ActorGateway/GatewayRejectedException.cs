using ActorGateway.Protocol.Messages;
using Google.Protobuf;

namespace ActorGateway;

/// <summary>
/// The server answered a request with an error: <c>ProtoOAErrorRes</c>, <c>ProtoErrorRes</c> or, for a trading
/// request, <c>ProtoOAOrderErrorEvent</c>.
/// </summary>
public sealed class GatewayRejectedException : GatewayException
{
    /// <summary>Creates the exception.</summary>
    public GatewayRejectedException(uint payloadType, string errorCode, string? description)
        : base(description is null
            ? $"The server rejected the request: {errorCode}."
            : $"The server rejected the request: {errorCode} ({description}).")
    {
        PayloadType = payloadType;
        ErrorCode = errorCode;
        Description = description;
    }

    /// <summary>The payload type of the error message (50, 2142 or 2132).</summary>
    public uint PayloadType { get; }

    /// <summary>The error code's name as the server sent it, e.g. <c>REQUEST_FREQUENCY_EXCEEDED</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The server's description, if any.</summary>
    public string? Description { get; }

    /// <summary>How long the server asks the client to wait before sending this payload type again, if it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>When the server's maintenance ends, if it said.</summary>
    public DateTimeOffset? MaintenanceEnd { get; init; }

    /// <summary>The trading account concerned, if the server named one.</summary>
    public long? AccountId { get; init; }

    /// <summary>The order concerned (order errors only; the server sometimes sends 0).</summary>
    public long? OrderId { get; init; }

    /// <summary>The position concerned (order errors only; the server sometimes sends 0).</summary>
    public long? PositionId { get; init; }

    /// <summary>True when the server said when to retry, or is under maintenance, or limits the request rate.</summary>
    public override bool IsTransient => RetryAfter is not null || MaintenanceEnd is not null
        || ErrorCode is "REQUEST_FREQUENCY_EXCEEDED" or "BLOCKED_PAYLOAD_TYPE"
            or "SERVER_IS_UNDER_MAINTENANCE";

    /// <summary>The exception an error reply stands for; null when <paramref name="reply"/> is not an error.</summary>
    internal static GatewayRejectedException? FromReply(uint payloadType, IMessage reply) => reply switch
    {
        ProtoOAErrorRes e => new(payloadType, e.ErrorCode, e.HasDescription ? e.Description : null)
        {
            AccountId = e.HasCtidTraderAccountId ? e.CtidTraderAccountId : null,
            RetryAfter = e.HasRetryAfter ? TimeSpan.FromSeconds(e.RetryAfter) : null,
            MaintenanceEnd = e.HasMaintenanceEndTimestamp ? DateTimeOffset.FromUnixTimeSeconds(e.MaintenanceEndTimestamp) : null,
        },
        ProtoErrorRes e => new(payloadType, e.ErrorCode, e.HasDescription ? e.Description : null)
        {
            MaintenanceEnd = e.HasMaintenanceEndTimestamp ? DateTimeOffset.FromUnixTimeMilliseconds((long)e.MaintenanceEndTimestamp) : null,
        },
        ProtoOAOrderErrorEvent e => new(payloadType, e.ErrorCode, e.HasDescription ? e.Description : null)
        {
            AccountId = e.CtidTraderAccountId,
            OrderId = e.HasOrderId ? e.OrderId : null,
            PositionId = e.HasPositionId ? e.PositionId : null,
        },
        _ => null,
    };
}
