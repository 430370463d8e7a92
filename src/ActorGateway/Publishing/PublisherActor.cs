using ActorGateway.Diagnostics;
using Akka.Actor;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Publishing;

/// <summary>
/// Broadcasts what the server sends unasked (and the connection's and session's notices) to subscribers: actors that
/// asked with <see cref="SubscribeEvents"/>, and readers of its own (children) behind streams and callbacks. Each
/// subscriber has at most one batch unanswered (a stream: one in its handoff's slot); what arrives meanwhile waits here in its <see cref="SubscriberBuffer"/>
/// and goes out as the next batch, so a subscriber that keeps up gets one batch per socket read, one that lags gets
/// larger batches, and one that stops answering only loses its own events. It watches subscribers and forgets them
/// when they stop.
/// </summary>
internal sealed class PublisherActor : UntypedActor
{
    // The first size of the working arrays; they grow to the largest read.
    private const int ReadSize = 256;

    private readonly Dictionary<IActorRef, Subscriber> _subscribers = [];
    private readonly InboundBatch _run = new(ReadSize);
    private readonly EventKeys _keys = new();
    private readonly HashSet<(long Account, long Symbol)> _warned = [];
    private readonly SubscriberCount _count;
    private readonly Func<long, long, bool>? _isSubscribed;
    private readonly GatewayMetrics _metrics;
    private readonly ILogger _log;

    /// <param name="count">Where the publisher keeps how many subscribers it has, for what feeds it.</param>
    /// <param name="isSubscribed">Whether the session ever subscribed to market data of (account, symbol); null without one.</param>
    /// <param name="metrics">Counts dropped events.</param>
    /// <param name="loggerFactory">Where overflows and market-data mistakes are reported.</param>
    public PublisherActor(SubscriberCount count, Func<long, long, bool>? isSubscribed, GatewayMetrics metrics, ILoggerFactory loggerFactory)
    {
        _count = count;
        _isSubscribed = isSubscribed;
        _metrics = metrics;
        _log = loggerFactory.CreateLogger<PublisherActor>();
    }

    public static Props Props(SubscriberCount count, Func<long, long, bool>? isSubscribed, GatewayMetrics metrics, ILoggerFactory loggerFactory) =>
        Akka.Actor.Props.Create(() => new PublisherActor(count, isSubscribed, metrics, loggerFactory));

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case InboundEvents inbound:
                Publish(inbound.Messages);
                break;
            case GatewayNotice notice:
                foreach (var subscriber in _subscribers.Values)
                {
                    subscriber.Buffer.Notify(notice);
                    Deliver(subscriber);
                }

                break;
            case EventsAck when _subscribers.TryGetValue(Sender, out var acked):
                acked.Acked();
                Deliver(acked);
                break;
            case SubscribeEvents subscribe:
                OnSubscribe(subscribe.Subscriber, subscribe.Options ?? new SubscriptionOptions(), new SubscriberStats(), null, Sender);
                break;
            case AddReader add:
                var reader = Context.ActorOf(add.Props);
                add.Handoff?.Attach(Self, reader);
                OnSubscribe(reader, add.Options, add.Stats, add.Handoff, ActorRefs.Nobody);
                add.Created.TrySetResult(reader);
                break;
            case UnsubscribeEvents unsubscribe:
                Forget(unsubscribe.Subscriber);
                break;
            case Terminated terminated:
                Forget(terminated.ActorRef);
                break;
            case CountSubscribers:
                Sender.Tell(new SubscribersCounted(_subscribers.Count));
                break;
            case EventsAck:
                break; // from a subscriber already forgotten
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void PostStop() => _count.Value = 0;

    private void OnSubscribe(IActorRef subscriber, SubscriptionOptions options, SubscriberStats stats, StreamHandoff? handoff,
        IActorRef replyTo)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            replyTo.Tell(new Status.Failure(e));
            return;
        }

        var filter = new SubscriptionFilter(options.PayloadTypes, options.AccountId, options.SymbolIds);
        _subscribers[subscriber] = new Subscriber(subscriber, filter, new SubscriberBuffer(options.Capacity, options.Overflow), stats, handoff);
        _count.Value = _subscribers.Count;
        Context.Watch(subscriber);
        WarnIfNeverSubscribed(filter);
        replyTo.Tell(new EventsSubscribed(subscriber));
    }

    private void Forget(IActorRef subscriber)
    {
        if (_subscribers.Remove(subscriber))
        {
            Context.Unwatch(subscriber);
            _count.Value = _subscribers.Count;
        }
    }

    /// <summary>
    /// A subscriber that is waiting for events, wants all of the read and has nothing older waiting, is handed the read
    /// itself: one array per read, shared. Any other gets what passes its filter added to its buffer.
    /// </summary>
    private void Publish(Protocol.OpenApiMessage[] messages)
    {
        _run.Load(messages);
        foreach (var subscriber in _subscribers.Values)
        {
            if (subscriber.Filter.NeedsKeys)
            {
                _run.ReadKeys(_keys);
            }

            if (subscriber.MayTake && !subscriber.Buffer.HasItems && _run.AllPass(subscriber.Filter) && subscriber.IsReady())
            {
                subscriber.Send(new EventBatch(_run.AsItems()), Self);
                continue;
            }

            Offer(subscriber);
            Deliver(subscriber);
        }

        _run.Clear();
    }

    private void Offer(Subscriber subscriber)
    {
        var wasLosing = subscriber.Buffer.IsLosing;
        var lost = subscriber.Buffer.Offer(_run, subscriber.Filter);
        if (lost > 0)
        {
            subscriber.Stats.AddDropped(lost);
            _metrics.EventsDropped(lost);
            if (!wasLosing)
            {
                _log.SubscriberOverflow(subscriber.Ref.Path.Name, subscriber.Stats.Dropped);
            }
        }
    }

    private void Deliver(Subscriber subscriber)
    {
        if (subscriber.Buffer.HasItems && subscriber.IsReady())
        {
            subscriber.Send(new EventBatch(subscriber.Buffer.TakeAll()), Self);
        }
    }

    private void WarnIfNeverSubscribed(SubscriptionFilter filter)
    {
        if (_isSubscribed is null || filter.AccountId is not { } account || filter.SymbolIds is not { } symbols
            || !filter.WantsAnyOf(EventStreams.MarketData))
        {
            return;
        }

        foreach (var symbol in symbols)
        {
            if (!_isSubscribed(account, symbol) && _warned.Add((account, symbol)))
            {
                _log.MarketDataNotSubscribed(account, symbol);
            }
        }
    }

    /// <summary>
    /// A subscriber and what waits for it. An actor gets each batch as a message and has at most one unanswered; a stream
    /// gets it through its <see cref="StreamHandoff"/>'s slot, in this turn, without a message while it keeps up.
    /// </summary>
    private sealed class Subscriber(IActorRef actor, SubscriptionFilter filter, SubscriberBuffer buffer, SubscriberStats stats,
        StreamHandoff? handoff)
    {
        private bool _awaitingAck;

        public IActorRef Ref { get; } = actor;

        public SubscriptionFilter Filter { get; } = filter;

        public SubscriberBuffer Buffer { get; } = buffer;

        public SubscriberStats Stats { get; } = stats;

        /// <summary>A cheap first look, without side effects: false when no batch can go now.</summary>
        public bool MayTake => handoff?.IsEmpty ?? !_awaitingAck;

        /// <summary>True when a batch can go now; otherwise it waits in the buffer until the subscriber answers.</summary>
        public bool IsReady() => handoff?.TryReserve() ?? !_awaitingAck;

        public void Send(EventBatch batch, IActorRef publisher)
        {
            if (handoff is not null)
            {
                handoff.Put(batch);
                return;
            }

            _awaitingAck = true;
            Ref.Tell(batch, publisher);
        }

        public void Acked() => _awaitingAck = false;
    }
}

/// <summary>
/// Told to the publisher by a subscription's facade: start a reader of its own (a child) with these options. A stream's
/// reader comes with its handoff, where its batches go in the publisher's turn instead of to the reader's mailbox.
/// </summary>
internal sealed record AddReader(Props Props, SubscriptionOptions Options, SubscriberStats Stats, TaskCompletionSource<IActorRef> Created,
    StreamHandoff? Handoff = null);
