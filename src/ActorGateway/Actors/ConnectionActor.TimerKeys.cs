namespace ActorGateway.Actors;

internal sealed partial class ConnectionActor
{
    // Keeps the timer keys in one place, so a restart cancels exactly what it armed.
    private static class TimerKeys
    {
        public const string Tick = "tick";
        public const string Retry = "retry";
        public const string ConnectTimeout = "connect-timeout";
        public static readonly string[] Throttle = ["throttle-none", "throttle-standard", "throttle-historical"];
    }
}
