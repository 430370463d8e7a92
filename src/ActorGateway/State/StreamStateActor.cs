using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using Akka.Actor;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace ActorGateway.State;

/// <summary>
/// What a mirror and a book share: both keep state from one account's events in the session's publisher, ask the session
/// for what they lack and ask again on a timer when it fails, answer <see cref="CatchUp"/> with a marker through their
/// stream, and hand what changed to their subscribers after every message. A subclass keeps only its own state: what
/// it reads from the stream, what it asks for, and its own messages.
/// </summary>
/// <param name="what">How the log names the actor: "Mirror", "Order book".</param>
/// <param name="accountId">The account whose events the actor reads.</param>
/// <param name="events">What it subscribes to in the publisher.</param>
/// <param name="session">The session's actor: what the actor asks, and where its markers go.</param>
/// <param name="publisher">The session's publisher.</param>
/// <param name="settings">The state actors' settings.</param>
/// <param name="log">The subclass's logger, so the category names the actor, not this class.</param>
internal abstract class StreamStateActor(string what, long accountId, SubscriptionOptions events, IActorRef session,
    IActorRef publisher, StateSettings settings, ILogger log) : UntypedActor, IWithTimers
{
    private const string RetryTimer = "retry";

    private readonly ChangeFanout _fanout = new(settings.ChangeCapacity);
    private readonly TimeSpan _retryInterval = settings.RetryInterval;

    public ITimerScheduler Timers { get; set; } = null!;

    protected long AccountId { get; } = accountId;

    protected IActorRef Session { get; } = session;

    protected StreamMarkers Markers { get; } = new(session, settings.RequestTimeout);

    protected ILogger Log { get; } = log;

    /// <summary>What the current message changed; published to the subscribers once it is handled, then cleared.</summary>
    protected List<StateChange> Changes { get; } = [];

    protected override void PreStart() => publisher.Tell(new SubscribeEvents(Self, events));

    protected sealed override void OnReceive(object message)
    {
        if (!OnShared(message) && !OnOwn(message))
        {
            Unhandled(message);
        }

        _fanout.Publish(Changes, Self);
        Changes.Clear();
    }

    /// <summary>
    /// Asks the session for what the actor lacks: first once the publisher's subscription is in place (the replies must
    /// come after it in the stream), then on every retry.
    /// </summary>
    protected abstract void Load();

    /// <summary>One item of the actor's stream; the markers' version replies are taken out before.</summary>
    protected abstract void Handle(in StreamItem<IMessage> item);

    /// <summary>A message of the subclass's own; false when it is none, and the actor does not handle it.</summary>
    protected abstract bool OnOwn(object message);

    /// <summary>A marker of the subclass's own (not a <see cref="CatchUp"/>) has passed in the stream.</summary>
    protected virtual void OnMarkerPassed(object tag)
    {
    }

    /// <summary>A marker that is not a <see cref="CatchUp"/> failed; only a subclass that sends such markers expects it.</summary>
    protected virtual void OnMarkerFailed(MarkerFailed failed) => Unhandled(failed);

    /// <summary>A request to the session failed (it refused, or the connection went): by default, ask again later.</summary>
    protected virtual void OnRequestFailed(Exception cause) => RetryLater(cause.Message);

    /// <summary>Logs that loading failed and calls <see cref="Load"/> again after the retry interval.</summary>
    protected void RetryLater(string error)
    {
        LogRequestFailed(error);
        Timers.StartSingleTimer(RetryTimer, Retry.Instance, _retryInterval);
    }

    /// <summary>Logs a failed request without the retry, for a subclass that recovers from it otherwise.</summary>
    protected void LogRequestFailed(string error) => Log.StateRequestFailed(what, AccountId, _retryInterval, error);

    private bool OnShared(object message)
    {
        switch (message)
        {
            case EventBatch batch:
                foreach (var item in batch.Items)
                {
                    if (item.Message is ProtoOAVersionRes marker)
                    {
                        Passed(Markers.OnSeen(marker));
                    }
                    else
                    {
                        Handle(item);
                    }
                }

                Sender.Tell(EventsAck.Instance);
                return true;
            case EventsSubscribed or Retry:
                Load();
                return true;
            case CatchUp:
                Markers.Send(new CatchUpFor(Sender), Self);
                return true;
            case MarkerReplied replied:
                Passed(Markers.OnReplied(replied));
                return true;
            case MarkerFailed { Tag: CatchUpFor catchUp } failed:
                catchUp.Asker.Tell(new Status.Failure(failed.Error));
                return true;
            case MarkerFailed failed:
                OnMarkerFailed(failed);
                return true;
            case Status.Failure failure:
                OnRequestFailed(failure.Cause);
                return true;
            case SubscribeStateChanges subscribe:
                _fanout.Add(subscribe.Subscriber, Context);
                return true;
            case UnsubscribeStateChanges unsubscribe:
                _fanout.Remove(unsubscribe.Subscriber, Context);
                return true;
            case StateChangesAck:
                _fanout.Ack(Sender, Self);
                return true;
            case Terminated terminated:
                _fanout.Remove(terminated.ActorRef, Context); // only subscribers are watched
                return true;
            default:
                return false;
        }
    }

    /// <summary>Both halves of a marker have come (its reply and its copy in the stream): whoever waited on it is told.</summary>
    private void Passed(object? tag)
    {
        switch (tag)
        {
            case null:
                break; // the other half is still to come
            case CatchUpFor catchUp:
                catchUp.Asker.Tell(CaughtUp.Instance);
                break;
            default:
                OnMarkerPassed(tag);
                break;
        }
    }

    private sealed record Retry
    {
        public static readonly Retry Instance = new();
    }
}
