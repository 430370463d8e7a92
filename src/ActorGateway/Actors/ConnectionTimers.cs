namespace ActorGateway.Actors;

/// <summary>The connection actor's timer keys in one place, so a restart cancels exactly what it armed.</summary>
internal static class ConnectionTimers
{
    public const string Tick = "tick";
    public const string Retry = "retry";
    public const string ConnectTimeout = "connect-timeout";
    public static readonly string[] Throttle = ["throttle-none", "throttle-standard", "throttle-historical"];
}
