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

    /// <summary>
    /// Reads the probe's batches, item by item, until one matches; returns the items before it. Other messages
    /// (<see cref="EventsSubscribed"/>) are passed over.
    /// </summary>
    public static async Task<List<StreamItem<IMessage>>> ReadUntilAsync(TestProbe<object> probe, Func<StreamItem<IMessage>, bool> match,
        TimeSpan bound, string what)
    {
        var deadline = DateTime.UtcNow + bound;
        var before = new List<StreamItem<IMessage>>();
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"{what} did not come within {bound.TotalSeconds:0.#} s (seen: {string.Join(", ", before)}).");
            }

            object next;
            try
            {
                next = await probe.ExpectAsync(left);
            }
            catch (TestKitException)
            {
                throw new TimeoutException($"{what} did not come within {bound.TotalSeconds:0.#} s (seen: {string.Join(", ", before)}).");
            }

            if (next is not EventBatch batch)
            {
                continue;
            }

            foreach (var item in batch.Items)
            {
                if (match(item))
                {
                    return before;
                }

                before.Add(item);
            }
        }
    }
}
