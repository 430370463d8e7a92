using Akka.Actor;

namespace ActorGateway.Publishing;

/// <summary>
/// The publisher's subscriber behind a stream (<see cref="GatewaySubscription{T}"/> read with <c>await foreach</c>, or as
/// an Akka.Streams source): its name stands for the stream at the publisher, which hands batches to the stream's
/// <see cref="StreamHandoff"/> directly. The stream ends when this actor stops (the subscription was disposed, or the
/// gateway stopped).
/// </summary>
internal sealed class StreamReader(StreamHandoff handoff) : UntypedActor
{
    public static Props Props(StreamHandoff handoff) => Akka.Actor.Props.Create(() => new StreamReader(handoff));

    protected override void OnReceive(object message) => Unhandled(message);

    protected override void PostStop() => handoff.Complete();
}
