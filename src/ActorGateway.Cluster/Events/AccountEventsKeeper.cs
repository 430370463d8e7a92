using ActorGateway.Cluster.Messages;
using ActorGateway.Publishing;
using Akka.Actor;

namespace ActorGateway.Cluster.Events;

/// <summary>
/// Keeps a local subscriber subscribed to an account's events wherever the account lives. It subscribes itself through the
/// region (or proxy), relays each batch to the subscriber and passes the subscriber's <see cref="EventsAck"/> upstream only
/// then, so the publisher's bound holds end to end: a slow subscriber stalls only itself. It watches the publisher; when
/// that stops (the account moved: a hand-off, its node left or crashed, or its entity started again), the subscriber is
/// told <see cref="EventsLost"/> with <see cref="GapReason.Moved"/>, and the keeper subscribes again, every
/// <see cref="RetryInterval"/>, until the new owner answers. It stops when the subscriber stops or tells it
/// <see cref="UnsubscribeEvents"/>.
/// </summary>
/// <remarks>
/// The subscriber sees the protocol of one node: <see cref="EventsSubscribed"/> once, then <see cref="EventBatch"/>es from
/// the keeper, each to be answered with <see cref="EventsAck"/> to its sender, never two unanswered.
/// </remarks>
internal sealed class AccountEventsKeeper : UntypedActor, IWithTimers
{
    /// <summary>How often a subscription not yet answered is sent again.</summary>
    internal static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    private readonly IActorRef _region;
    private readonly long _accountId;
    private readonly IActorRef _subscriber;
    private readonly AccountEventsOptions _options;
    private readonly TaskCompletionSource<IActorRef>? _subscribed;
    // At most one batch of the current publisher (it waits for the ack) and the notices of moves, so this stays small.
    private readonly Queue<Pending> _waiting = new();
    private Pending? _inFlight;
    private IActorRef? _publisher;
    private bool _everSubscribed;

    public AccountEventsKeeper(IActorRef region, long accountId, IActorRef subscriber, AccountEventsOptions options,
        TaskCompletionSource<IActorRef>? subscribed)
    {
        _region = region;
        _accountId = accountId;
        _subscriber = subscriber;
        _options = options;
        _subscribed = subscribed;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The keeper's props; <see cref="ClusterAccounts.KeeperProps"/> checks the options first.</summary>
    public static Props Props(IActorRef region, long accountId, IActorRef subscriber, AccountEventsOptions options,
        TaskCompletionSource<IActorRef>? subscribed = null) =>
        Akka.Actor.Props.Create(() => new AccountEventsKeeper(region, accountId, subscriber, options, subscribed));

    protected override void PreStart()
    {
        Context.Watch(_subscriber);
        Subscribe();
    }

    protected override void PostStop()
    {
        // The publisher (and the entity) watch this actor too; telling it spares it the wait for the death notice.
        _publisher?.Tell(new UnsubscribeEvents(Self));
        _subscribed?.TrySetCanceled();
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case EventsSubscribed:
                Adopt(Sender);
                break;
            case EventBatch batch:
                // Normally adopted already: the publisher answers EventsSubscribed before it sends a batch.
                Adopt(Sender);
                _waiting.Enqueue(new Pending(batch, Sender));
                Pump();
                break;
            case EventsAck when Sender.Equals(_subscriber):
                Acked();
                break;
            case Terminated t when t.ActorRef.Equals(_subscriber):
                Context.Stop(Self);
                break;
            case Terminated t when t.ActorRef.Equals(_publisher):
                _publisher = null;
                Moved();
                Subscribe();
                break;
            case SubscribeAgain:
                _region.Tell(new SubscribeAccount(_accountId, Self, _options));
                break;
            case UnsubscribeEvents or UnsubscribeAccount:
                Context.Stop(Self);
                break;
            case Terminated or EventsAck:
                break; // a publisher already replaced; an ack from someone else
            default:
                Unhandled(message);
                break;
        }
    }

    private void Subscribe()
    {
        _region.Tell(new SubscribeAccount(_accountId, Self, _options));
        Timers.StartPeriodicTimer(nameof(SubscribeAgain), SubscribeAgain.Instance, RetryInterval);
    }

    private void Adopt(IActorRef publisher)
    {
        if (publisher.Equals(_publisher))
        {
            return;
        }

        if (_publisher is { } old)
        {
            Context.Unwatch(old);
        }

        _publisher = publisher;
        Context.Watch(publisher);
        Timers.Cancel(nameof(SubscribeAgain));
        if (!_everSubscribed)
        {
            _everSubscribed = true;
            _subscriber.Tell(new EventsSubscribed(_subscriber), Self);
            _subscribed?.TrySetResult(Self);
        }
    }

    // The notice goes after what the old owner sent (it came before its death notice) and before what the new one sends.
    private void Moved()
    {
        if (_waiting.Count > 0 && _waiting.Last().AckTo is null)
        {
            return; // moved again while the subscriber was busy: one gap says it all
        }

        var notice = StreamItem.OfNotice<Google.Protobuf.IMessage>(new EventsLost(null, GapReason.Moved));
        _waiting.Enqueue(new Pending(new EventBatch([notice]), null));
        Pump();
    }

    private void Pump()
    {
        if (_inFlight is null && _waiting.TryDequeue(out var next))
        {
            _inFlight = next;
            _subscriber.Tell(next.Batch, Self);
        }
    }

    private void Acked()
    {
        // A batch of an owner that has gone is not acknowledged: nobody waits for it any more.
        if (_inFlight is { AckTo: { } from } && from.Equals(_publisher))
        {
            from.Tell(EventsAck.Instance, Self);
        }

        _inFlight = null;
        Pump();
    }

    /// <summary>A batch for the subscriber, and the publisher to acknowledge it to (null for the keeper's own notice).</summary>
    private sealed record Pending(EventBatch Batch, IActorRef? AckTo);

    private sealed class SubscribeAgain
    {
        public static readonly SubscribeAgain Instance = new();
    }
}
