using Akka.Actor;

namespace ActorGateway.Cluster.Tests.Support;

/// <summary>An actor that hands every message it receives to a <see cref="TestProbe{T}"/>, for requests sent by an actor.</summary>
internal sealed class ProbeActor : ReceiveActor
{
    public ProbeActor(TestProbe<object> probe) => ReceiveAny(probe.Tell);

    public static Props Props(TestProbe<object> probe) => Akka.Actor.Props.Create(() => new ProbeActor(probe));
}
