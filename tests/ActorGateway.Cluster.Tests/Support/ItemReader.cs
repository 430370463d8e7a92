using ActorGateway.Publishing;
using Google.Protobuf;

namespace ActorGateway.Cluster.Tests.Support;

/// <summary>
/// Reads a subscriber's probe item by item across its batches (items after a match stay for the next read); other
/// messages (<see cref="EventsSubscribed"/>) are passed over.
/// </summary>
internal sealed class ItemReader(TestProbe<object> probe)
{
    private readonly Queue<StreamItem<IMessage>> _left = new();

    /// <summary>Reads until an item matches; returns the items before it.</summary>
    public async Task<List<StreamItem<IMessage>>> ReadUntilAsync(Func<StreamItem<IMessage>, bool> match, TimeSpan bound, string what)
    {
        var deadline = DateTime.UtcNow + bound;
        var before = new List<StreamItem<IMessage>>();
        while (true)
        {
            while (_left.TryDequeue(out var item))
            {
                if (match(item))
                {
                    return before;
                }

                before.Add(item);
            }

            var left = deadline - DateTime.UtcNow;
            object next;
            try
            {
                next = await probe.ExpectAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            }
            catch (TestKitException)
            {
                throw new TimeoutException($"{what} did not come within {bound.TotalSeconds:0.#} s (seen: {string.Join(", ", before)}).");
            }

            if (next is EventBatch batch)
            {
                foreach (var item in batch.Items)
                {
                    _left.Enqueue(item);
                }
            }
        }
    }
}
