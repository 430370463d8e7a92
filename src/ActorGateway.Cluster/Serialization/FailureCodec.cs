using ActorGateway.Cluster.Wire;
using ActorGateway.Protocol;
using ActorGateway.Session;

namespace ActorGateway.Cluster.Serialization;

/// <summary>
/// The gateway's exceptions to and from <see cref="RequestFailedData"/>: the type and the fields callers act on
/// (error code, retry-after, whether the request was written), never a stack trace or an inner exception's text.
/// </summary>
internal static class FailureCodec
{
    private const string NoReply = " got no reply within ";

    public static RequestFailedData Encode(GatewayException exception)
    {
        var data = new RequestFailedData { Message = exception.Message };
        switch (exception)
        {
            case GatewayRejectedException r:
                data.Type = "rejected";
                data.PayloadType = r.PayloadType;
                data.ErrorCode = r.ErrorCode;
                SetIf(r.Description, v => data.Description = v);
                SetIf(r.RetryAfter, v => data.RetryAfterMs = (long)v.TotalMilliseconds);
                SetIf(r.MaintenanceEnd, v => data.MaintenanceEndUnixMs = v.ToUnixTimeMilliseconds());
                SetIf(r.AccountId, v => data.AccountId = v);
                SetIf(r.OrderId, v => data.OrderId = v);
                SetIf(r.PositionId, v => data.PositionId = v);
                break;
            case GatewayTimeoutException t:
                data.Type = "timeout";
                data.TimeoutMs = (long)t.Timeout.TotalMilliseconds;
                data.WasWritten = t.WasWritten;
                break;
            case GatewayConnectionException c:
                data.Type = "connection";
                data.Kind = c.Kind.ToString();
                data.WasWritten = c.WasWritten;
                break;
            case GatewayProtocolException p:
                data.Type = "protocol";
                SetIf(p.ProtocolErrorKind, v => data.Kind = v.ToString());
                break;
            case GatewayAccountException a:
                data.Type = "account";
                data.AccountId = a.AccountId;
                data.Kind = a.Kind.ToString();
                break;
            case GatewayFencedException f:
                data.Type = "fenced";
                data.AccountId = f.AccountId;
                break;
            default:
                data.Type = "unknown";
                break;
        }

        return data;
    }

    public static GatewayException Decode(RequestFailedData data) => data.Type switch
    {
        "rejected" => new GatewayRejectedException(data.PayloadType, data.ErrorCode, data.HasDescription ? data.Description : null)
        {
            RetryAfter = data.HasRetryAfterMs ? TimeSpan.FromMilliseconds(data.RetryAfterMs) : null,
            MaintenanceEnd = data.HasMaintenanceEndUnixMs ? DateTimeOffset.FromUnixTimeMilliseconds(data.MaintenanceEndUnixMs) : null,
            AccountId = data.HasAccountId ? data.AccountId : null,
            OrderId = data.HasOrderId ? data.OrderId : null,
            PositionId = data.HasPositionId ? data.PositionId : null,
        },
        // The exception builds its message from the request's name, which is the message's first words.
        "timeout" => new GatewayTimeoutException(RequestName(data.Message), TimeSpan.FromMilliseconds(data.TimeoutMs), data.WasWritten),
        "connection" => new GatewayConnectionException(Parse(data.Kind, ConnectionFailureKind.Faulted), data.Message,
            written: data.WasWritten),
        "protocol" => new GatewayProtocolException(data.Message,
            data.HasKind ? new ProtocolException(Parse(data.Kind, ProtocolErrorKind.MalformedPayload), data.Message) : null),
        "account" => new GatewayAccountException(data.AccountId, Parse(data.Kind, AccountFailureKind.AuthorizationFailed), data.Message),
        "fenced" => new GatewayFencedException(data.AccountId, data.Message),
        // A failure this node's version does not know: the safe reading is that the request may have gone out.
        _ => new GatewayConnectionException(ConnectionFailureKind.Faulted, data.Message, written: true),
    };

    private static string RequestName(string message)
    {
        var at = message.IndexOf(NoReply, StringComparison.Ordinal);
        return at > 0 ? message[..at] : "The request";
    }

    private static T Parse<T>(string name, T fallback) where T : struct, Enum =>
        Enum.TryParse<T>(name, out var value) ? value : fallback;

    private static void SetIf<T>(T? value, Action<T> set) where T : struct
    {
        if (value is { } v)
        {
            set(v);
        }
    }

    private static void SetIf(string? value, Action<string> set)
    {
        if (value is not null)
        {
            set(value);
        }
    }
}
