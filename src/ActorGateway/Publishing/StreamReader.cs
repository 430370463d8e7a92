using Akka.Actor;

namespace ActorGateway.Publishing;

/// <summary>
/// The publisher's subscriber behind a stream (<see cref="GatewaySubscription{T}"/> read with <c>await foreach</c>, or as
/// an Akka.Streams source): it hands each batch to the stream's consumer, who answers the publisher when it takes it.
/// The stream ends when this actor stops (the subscription was disposed, or the gateway stopped).
/// </summary>
internal sealed class StreamReader(StreamHandoff handoff) : UntypedActor
{
    public static Props Props(StreamHandoff handoff) => Akka.Actor.Props.Create(() => new StreamReader(handoff));

    protected override void OnReceive(object message)
    {
        if (message is EventBatch batch)
        {
            handoff.Put(batch, Sender, Self);
        }
        else
        {
            Unhandled(message);
        }
    }

    protected override void PostStop() => handoff.Complete();
}
