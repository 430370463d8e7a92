using ActorGateway.Cli.Bench;
using ActorGateway.TestKit;

namespace ActorGateway.Cli.Tests.Bench;

/// <summary>Settings small enough that every scenario ends in well under a few seconds; they run, they need not be fast.</summary>
internal static class SmokeSettings
{
    /// <summary>The smoke settings with the callers the bench measures by default.</summary>
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

    /// <summary>The same with the callers <c>--caller</c> <paramref name="caller"/> picks: actor, task, or both (its default).</summary>
    public static BenchSettings Over(BenchTransport transport, string caller) =>
        Over(transport) with { Callers = BenchCommand.Callers(caller) };

    /// <summary>Smoke runs take real time, so they get a wider bound than an ordinary test.</summary>
    public static TimeSpan Bound => TestTimeouts.Dilated(TimeSpan.FromSeconds(60));
}
