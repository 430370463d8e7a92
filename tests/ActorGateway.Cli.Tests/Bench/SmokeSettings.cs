using ActorGateway.Cli.Bench;
using ActorGateway.TestKit;

namespace ActorGateway.Cli.Tests.Bench;

/// <summary>Settings small enough that every scenario ends in well under a few seconds; they run, they need not be fast.</summary>
internal static class SmokeSettings
{
    public static BenchSettings Over(BenchTransport transport) => new()
    {
        Duration = TimeSpan.FromMilliseconds(100),
        Rounds = 2,
        Window = 4,
        InFlight = 2_000,
        ThrottleLimits = [200],
        Subscribers = [2],
        Transports = [transport],
    };

    /// <summary>Smoke runs take real time, so they get a wider bound than an ordinary test.</summary>
    public static TimeSpan Bound => TestTimeouts.Dilated(TimeSpan.FromSeconds(60));
}
