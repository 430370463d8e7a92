using Akka.Actor;
using Microsoft.Extensions.Logging;

namespace ActorGateway.State;

/// <summary>
/// Hands a mirror's or a book's changes to a callback of Task code, one at a time in order, on this actor's turn; it
/// answers each batch only once the callback has had it, so a slow callback holds its own changes back at the source
/// (within the bound there), nobody else's. A callback that throws is logged and the next change goes on.
/// </summary>
internal sealed class ChangeCallbackActor : ReceiveActor
{
    private readonly IActorRef _source;

    public ChangeCallbackActor(IActorRef source, Action<StateChange> callback, ILogger log, TaskCompletionSource subscribed)
    {
        _source = source;
        Receive<StateChangesSubscribed>(_ => subscribed.TrySetResult());
        Receive<StateChanges>(batch =>
        {
            foreach (var change in batch.Items)
            {
                try
                {
                    callback(change);
                }
#pragma warning disable CA1031 // the user's callback may throw anything; one bad change must not end the stream
                catch (Exception e)
#pragma warning restore CA1031
                {
                    log.ChangeCallbackFailed(change.GetType().Name, e);
                }
            }

            Sender.Tell(StateChangesAck.Instance);
        });
    }

    public static Props Props(IActorRef source, Action<StateChange> callback, ILogger log, TaskCompletionSource subscribed) =>
        Akka.Actor.Props.Create(() => new ChangeCallbackActor(source, callback, log, subscribed));

    protected override void PreStart() => _source.Tell(new SubscribeStateChanges(Self));

    protected override void PostStop() => _source.Tell(new UnsubscribeStateChanges(Self));
}
