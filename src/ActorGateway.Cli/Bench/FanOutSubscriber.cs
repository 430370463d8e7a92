using ActorGateway.Publishing;
using ActorGateway.Session;
using Akka.Actor;
using Akka.Streams;
using Google.Protobuf;

namespace ActorGateway.Cli.Bench;

/// <summary>How a fan-out subscriber gets its events from the session's publisher.</summary>
internal enum FanOutSubscriber
{
    /// <summary>An actor that receives each batch and answers it.</summary>
    Actor,

    /// <summary>A stream read with <c>await foreach</c>.</summary>
    Stream,

    /// <summary>A stream read as an Akka.Streams source of single events.</summary>
    Source,

    /// <summary>A stream read as an Akka.Streams source of batches.</summary>
    Batches,

    /// <summary>A callback the publisher's reader actor calls.</summary>
    Callback,
}

/// <summary>Attaches counters to a session as one kind of subscriber, and detaches them.</summary>
internal static class FanOutSubscribers
{
    public static string Word(this FanOutSubscriber kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Attaches <paramref name="counter"/>; the result detaches it and says how many events it lost.</summary>
    public static async Task<Attached> AttachAsync(this FanOutSubscriber kind, GatewaySession session, ActorSystem system,
        SubscriptionOptions options, FanOutCounter counter)
    {
        switch (kind)
        {
            case FanOutSubscriber.Actor:
                var actor = system.ActorOf(Props.Create(() => new CountingActor(counter)));
                await session.Publisher.Ask<EventsSubscribed>(new SubscribeEvents(actor, options), TimeSpan.FromSeconds(10)).ConfigureAwait(false);
                return new Attached(() => counter.Lost, async () => await actor.GracefulStop(TimeSpan.FromSeconds(10)).ConfigureAwait(false));
            case FanOutSubscriber.Stream:
                var stream = session.Subscribe<IMessage>(options);
                var reading = ReadAsync(stream, counter);
                return new Attached(() => stream.Dropped, async () =>
                {
                    await stream.DisposeAsync().ConfigureAwait(false);
                    await reading.ConfigureAwait(false);
                });
            case FanOutSubscriber.Source:
                var source = session.Subscribe<IMessage>(options);
                var running = source.AsSource().RunForeach(counter.OnItem, system.Materializer());
                return new Attached(() => source.Dropped, async () =>
                {
                    await source.DisposeAsync().ConfigureAwait(false);
                    await running.ConfigureAwait(false);
                });
            case FanOutSubscriber.Batches:
                var batches = session.Subscribe<IMessage>(options);
                var flowing = batches.AsBatchSource().RunForeach(batch =>
                {
                    foreach (var item in batch)
                    {
                        counter.OnItem(item);
                    }
                }, system.Materializer());
                return new Attached(() => batches.Dropped, async () =>
                {
                    await batches.DisposeAsync().ConfigureAwait(false);
                    await flowing.ConfigureAwait(false);
                });
            default:
                var callback = session.Subscribe<IMessage>(options, counter.OnItem);
                return new Attached(() => callback.Dropped, callback.DisposeAsync);
        }
    }

    private static async Task ReadAsync(GatewaySubscription<IMessage> stream, FanOutCounter counter)
    {
        await foreach (var item in ((IAsyncEnumerable<StreamItem<IMessage>>)stream).ConfigureAwait(false))
        {
            counter.OnItem(item);
        }
    }

    /// <summary>A subscriber attached: how many events it lost so far, and how to detach it.</summary>
    internal sealed record Attached(Func<long> Dropped, Func<ValueTask> Detach);

    /// <summary>Counts each batch's events and answers it, as a strategy actor would after handling them.</summary>
    private sealed class CountingActor(FanOutCounter counter) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is not EventBatch batch)
            {
                Unhandled(message);
                return;
            }

            foreach (var item in batch.Items)
            {
                counter.OnItem(item);
            }

            Sender.Tell(EventsAck.Instance);
        }
    }
}
