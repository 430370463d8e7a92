using Akka.Actor;
using Akka.Configuration;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// The actor system a scenario puts its gateway and its actor callers in, so the callers run on the gateway's own
/// dispatcher as an application's actors would.
/// </summary>
internal static class BenchActorSystem
{
    // As quiet as the gateway's own system: dead letters after a round (replies to a caller already stopped) are expected.
    private static readonly Config Quiet = ConfigurationFactory.ParseString(
        "akka.loglevel = WARNING\nakka.stdout-loglevel = WARNING\nakka.log-dead-letters = off\nakka.log-dead-letters-during-shutdown = off");

    public static ActorSystem Create() => ActorSystem.Create("bench", Quiet);
}
