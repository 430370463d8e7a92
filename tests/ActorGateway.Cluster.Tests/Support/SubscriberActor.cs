using ActorGateway.Publishing;
using Akka.Actor;
using Google.Protobuf;

namespace ActorGateway.Cluster.Tests.Support;

/// <summary>
/// A subscriber of an account's events: hands each message to a probe and answers each batch with <see cref="EventsAck"/>,
/// as a subscriber must.
/// </summary>
internal sealed class SubscriberActor : ReceiveActor
{
    public SubscriberActor(TestProbe<object> probe)
    {
        Receive<EventBatch>(batch =>
        {
            probe.Tell(batch);
            Sender.Tell(EventsAck.Instance);
        });
        ReceiveAny(probe.Tell);
    }

    public static Props Props(TestProbe<object> probe) => Akka.Actor.Props.Create(() => new SubscriberActor(probe));
}
