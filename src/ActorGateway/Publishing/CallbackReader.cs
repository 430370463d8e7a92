using ActorGateway.Diagnostics;
using Akka.Actor;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Publishing;

/// <summary>
/// The publisher's subscriber behind a callback: it calls the callback for each item of a batch, in order, and answers
/// the publisher once the batch is done. A plain callback runs in the actor's turn; an async one is awaited with the
/// mailbox suspended (so items never overlap). A callback that throws is logged and counted, and the stream goes on.
/// </summary>
internal sealed class CallbackReader<T> : UntypedActor
    where T : class, IMessage
{
    private readonly Func<StreamItem<T>, ValueTask>? _callback;
    private readonly Action<StreamItem<T>>? _plain;
    private readonly SubscriberStats _stats;
    private readonly ILogger _log;

    public CallbackReader(Func<StreamItem<T>, ValueTask>? callback, Action<StreamItem<T>>? plain, SubscriberStats stats, ILogger log)
    {
        _callback = callback;
        _plain = plain;
        _stats = stats;
        _log = log;
    }

    public static Props Props(Func<StreamItem<T>, ValueTask> callback, SubscriberStats stats, ILogger log) =>
        Akka.Actor.Props.Create(() => new CallbackReader<T>(callback, null, stats, log));

    public static Props Props(Action<StreamItem<T>> callback, SubscriberStats stats, ILogger log) =>
        Akka.Actor.Props.Create(() => new CallbackReader<T>(null, callback, stats, log));

    protected override void OnReceive(object message)
    {
        if (message is not EventBatch batch)
        {
            Unhandled(message);
            return;
        }

        if (_plain is { } plain)
        {
            foreach (var item in batch.Items)
            {
                InvokePlain(plain, StreamItems.As<T>(item));
            }

            Sender.Tell(EventsAck.Instance);
            return;
        }

        var publisher = Sender;
        var self = Self;
        RunTask(async () =>
        {
            foreach (var item in batch.Items)
            {
                await Invoke(StreamItems.As<T>(item)).ConfigureAwait(false);
            }

            publisher.Tell(EventsAck.Instance, self);
        });
    }

    private async ValueTask Invoke(StreamItem<T> item)
    {
        try
        {
            await _callback!(item).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Failed(e);
        }
    }

    private void InvokePlain(Action<StreamItem<T>> plain, StreamItem<T> item)
    {
        try
        {
            plain(item);
        }
        catch (Exception e)
        {
            Failed(e);
        }
    }

    private void Failed(Exception e)
    {
        _stats.CallbackFailed();
        _log.SubscriberCallbackFailed(typeof(T).Name, e);
    }
}
