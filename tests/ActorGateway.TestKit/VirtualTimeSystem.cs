using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;

namespace ActorGateway.TestKit;

/// <summary>
/// Actor systems on virtual time: Akka's <see cref="TestScheduler"/> driven by a <see cref="FakeTimeProvider"/>, so one
/// <c>Advance</c> moves both the gateway's timers and the timestamps it reads.
/// </summary>
public static class VirtualTimeSystem
{
    /// <summary>The configuration that swaps Akka's scheduler for the virtual one; quiet about dead letters.</summary>
    public static Config Config { get; } = ConfigurationFactory.ParseString("""
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        akka.loglevel = WARNING
        akka.log-dead-letters = off
        akka.log-dead-letters-during-shutdown = off
        """);

    /// <summary>Creates a system whose scheduler follows <paramref name="time"/>.</summary>
    public static ActorSystem Create(FakeTimeProvider time, string name = "test")
    {
        ArgumentNullException.ThrowIfNull(time);
        var system = ActorSystem.Create(name, Config);
        time.Drive((TestScheduler)system.Scheduler);
        return system;
    }
}
