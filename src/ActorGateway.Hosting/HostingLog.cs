using Microsoft.Extensions.Logging;

namespace ActorGateway.Hosting;

/// <summary>
/// Every log message of the hosting layer; its event ids (4001-4099) are stable and distinct from the core's (1001-1099)
/// and the simulator's.
/// </summary>
internal static partial class HostingLog
{
    [LoggerMessage(4001, LogLevel.Information, "Gateway {Name} connecting at start")]
    public static partial void ConnectingAtStart(this ILogger logger, string name);

    [LoggerMessage(4002, LogLevel.Information, "Gateway {Name} connected at start")]
    public static partial void ConnectedAtStart(this ILogger logger, string name);

    [LoggerMessage(4003, LogLevel.Information, "Stopping {Count} gateway(s)")]
    public static partial void Stopping(this ILogger logger, int count);

    [LoggerMessage(4004, LogLevel.Debug, "Gateway {Name} created; it connects on its first request")]
    public static partial void Created(this ILogger logger, string name);
}
