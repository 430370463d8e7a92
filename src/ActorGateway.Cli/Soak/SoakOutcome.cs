using ActorGateway.Session;

namespace ActorGateway.Cli.Soak;

/// <summary>What a failed order call says about the order.</summary>
internal enum OrderVerdict
{
    /// <summary>The server answered with an execution: the order was accepted.</summary>
    Succeeded,

    /// <summary>Refused by the server, or never written: it must not have executed.</summary>
    Failed,

    /// <summary>Written, then the connection was lost or the reply did not come: only the server's state can tell.</summary>
    Unknown,
}

/// <summary>How the soak names and judges the way a request ended.</summary>
internal static class SoakOutcome
{
    public const string Reply = "reply";

    /// <summary>The outcome's name in the report: the reply, or the typed exception with what makes it differ.</summary>
    public static string Name(Exception? error) => error switch
    {
        null => Reply,
        GatewayRejectedException e => $"{nameof(GatewayRejectedException)} {e.ErrorCode}",
        GatewayConnectionException e => $"{nameof(GatewayConnectionException)} {e.Kind} {Written(e.WasWritten)}",
        GatewayTimeoutException e => $"{nameof(GatewayTimeoutException)} {Written(e.WasWritten)}",
        GatewayAccountException e => $"{nameof(GatewayAccountException)} {e.Kind}",
        GatewayException e => e.GetType().Name,
        _ => $"untyped {error.GetType().Name}",
    };

    /// <summary>True for a failure that is not one of the gateway's typed exceptions: a defect, whatever it says.</summary>
    public static bool IsUntyped(Exception? error) => error is not null and not GatewayException;

    /// <summary>What an order call's ending says about the order.</summary>
    public static OrderVerdict VerdictOf(Exception? error) => error switch
    {
        null => OrderVerdict.Succeeded,
        GatewayConnectionException { WasWritten: true } or GatewayTimeoutException { WasWritten: true } => OrderVerdict.Unknown,
        GatewayRejectedException or GatewayConnectionException or GatewayTimeoutException or GatewayAccountException => OrderVerdict.Failed,
        // Anything else gives no word on whether the order left: treat it as written.
        _ => OrderVerdict.Unknown,
    };

    private static string Written(bool written) => written ? "written" : "not-written";
}
