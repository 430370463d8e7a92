using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using ActorGateway.Session;
using Akka.Actor;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace ActorGateway.State;

/// <summary>
/// The order book of one (account, symbol), kept from its depth events. Depth events are incremental, so the book must
/// start from a subscription's first event, the whole book. It makes sure of that itself: it unsubscribes the symbol's
/// depth, waits until a marker (<see cref="StreamMarkers"/>) shows that whatever the old subscription sent has gone by,
/// then subscribes again. After a
/// reconnect the session renews the subscription, so the book empties at the gap and the first event after it rebuilds
/// it; after lost events it goes through the whole dance again.
/// </summary>
internal sealed class BookActor : UntypedActor, IWithTimers
{
    private const string RetryTimer = "retry";

    private readonly long _accountId;
    private readonly long _symbolId;
    private readonly IActorRef _session;
    private readonly IActorRef _publisher;
    private readonly StateSettings _settings;
    private readonly OrderBookState _book = new();
    private readonly ChangeFanout _fanout;
    private readonly List<StateChange> _changes = [];
    private readonly List<(ulong QuoteId, BookProblem Problem)> _rejected = [];
    private readonly StreamMarkers _markers;
    private readonly ILogger _log;
    private Phase _phase = Phase.Starting;
    private bool _awaitingWhole = true;
    private IMessage? _unsubscribe;
    private object? _resyncMarker; // the tag of the marker the resync waits for
    private readonly List<(IActorRef Waiter, GetBookSnapshot Query)> _liveWaiters = [];

    public BookActor(long accountId, long symbolId, IActorRef session, IActorRef publisher, StateSettings settings)
    {
        _accountId = accountId;
        _symbolId = symbolId;
        _session = session;
        _publisher = publisher;
        _settings = settings;
        _fanout = new ChangeFanout(settings.ChangeCapacity);
        _markers = new StreamMarkers(session, settings.RequestTimeout);
        _log = settings.LoggerFactory.CreateLogger<BookActor>();
    }

    private enum Phase
    {
        Starting,      // subscribing to the publisher
        Unsubscribing, // the old depth subscription is being ended; its events are dropped
        Marking,       // waiting for the marker to pass; events still dropped
        Live,          // subscribed afresh: events applied, the first one onto an empty book
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(long accountId, long symbolId, IActorRef session, IActorRef publisher, StateSettings settings) =>
        Akka.Actor.Props.Create(() => new BookActor(accountId, symbolId, session, publisher, settings));

    protected override void PreStart() => _publisher.Tell(new SubscribeEvents(Self, new SubscriptionOptions
    {
        PayloadTypes = [(uint)ProtoOAPayloadType.ProtoOaDepthEvent, (uint)ProtoOAPayloadType.ProtoOaVersionRes],
        // No symbol filter: the book listens before it subscribes, which the publisher would warn about; it filters itself.
        AccountId = _accountId,
        // A lost depth event corrupts the book, so nothing is dropped early; a loss means a fresh subscription.
        Capacity = 1_000_000,
        Overflow = OverflowPolicy.DropNewest,
    }));

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case EventBatch batch:
                foreach (var item in batch.Items)
                {
                    Handle(item);
                }

                Sender.Tell(EventsAck.Instance);
                break;
            case EventsSubscribed or Resync:
                StartResync(_phase == Phase.Starting ? "starting" : "retrying");
                break;
            case SubscriptionChanged changed when ReferenceEquals(changed.Request, _unsubscribe) && _phase == Phase.Unsubscribing:
                SendMarker();
                break;
            case SubscriptionChanged:
                break; // the fresh subscription is in force; its events may be here already
            case MarkerReplied replied:
                OnMarkerPassed(_markers.OnReplied(replied));
                break;
            case MarkerFailed failed:
                OnMarkerFailed(failed);
                break;
            case CatchUp:
                _markers.Send(new CatchUpFor(Sender), Self);
                break;
            case Status.Failure failure when _phase == Phase.Unsubscribing:
                _log.StateRequestFailed("Order book", _accountId, _settings.RetryInterval, failure.Cause.Message);
                SendMarker(); // not subscribed, or the connection went: either way the marker tells when the old events are gone
                break;
            case Status.Failure failure:
                _log.StateRequestFailed("Order book", _accountId, _settings.RetryInterval, failure.Cause.Message);
                Timers.StartSingleTimer(RetryTimer, Resync.Instance, _settings.RetryInterval);
                break;
            case GetBookSnapshot { WhenLive: true } get when !IsLive:
                _liveWaiters.Add((Sender, get));
                break;
            case GetBookSnapshot get:
                Sender.Tell(Snapshot(get));
                break;
            case SubscribeStateChanges subscribe:
                _fanout.Add(subscribe.Subscriber, Context);
                break;
            case UnsubscribeStateChanges unsubscribe:
                _fanout.Remove(unsubscribe.Subscriber, Context);
                break;
            case StateChangesAck:
                _fanout.Ack(Sender, Self);
                break;
            case Terminated terminated:
                _fanout.Remove(terminated.ActorRef, Context);
                break;
            default:
                Unhandled(message);
                break;
        }

        _fanout.Publish(_changes, Self);
        _changes.Clear();
    }

    private void Handle(in StreamItem<IMessage> item)
    {
        switch (item.Message)
        {
            case ProtoOADepthEvent depth when _phase == Phase.Live && (long)depth.SymbolId == _symbolId:
                Apply(depth);
                break;
            case ProtoOAVersionRes marker:
                OnMarkerPassed(_markers.OnSeen(marker));
                break;
            case null when item.Notice is EventsLost { Reason: GapReason.Reconnect } && _phase == Phase.Live:
                // The session renews the subscription on the new connection: its first event is the whole book.
                Clear("reconnect");
                break;
            case null when item.Notice is EventsLost { Reason: GapReason.Overflow }:
                StartResync("depth events lost");
                break;
        }
    }

    private void Apply(ProtoOADepthEvent depth)
    {
        _book.Apply(depth, _rejected);
        foreach (var (quoteId, problem) in _rejected)
        {
            if (_book.Rejected == 1)
            {
                _log.UnknownQuoteDeleted(_accountId, _symbolId, quoteId, _book.Rejected);
            }

            _changes.Add(new BookQuoteRejected(_accountId, _symbolId, quoteId, problem));
        }

        _rejected.Clear();
        _changes.Add(new BookUpdated(_accountId, _symbolId, _book.BestBid, _book.BestAsk, _book.Version, _awaitingWhole));
        _awaitingWhole = false;
        foreach (var (waiter, query) in _liveWaiters)
        {
            waiter.Tell(Snapshot(query));
        }

        _liveWaiters.Clear();
    }

    private bool IsLive => _phase == Phase.Live && !_awaitingWhole;

    private BookSnapshot Snapshot(GetBookSnapshot query) => _book.Snapshot(_accountId, _symbolId, IsLive, query.Levels, query.WithQuotes);

    private void StartResync(string reason)
    {
        Clear(reason);
        _phase = Phase.Unsubscribing;
        _unsubscribe = new ProtoOAUnsubscribeDepthQuotesReq { CtidTraderAccountId = _accountId, SymbolId = { _symbolId } };
        _session.Tell(new ChangeSubscription(_unsubscribe));
    }

    private void Clear(string reason)
    {
        _book.Clear();
        _awaitingWhole = true;
        _log.BookRebuilding(_accountId, _symbolId, reason);
        _changes.Add(new BookCleared(_accountId, _symbolId, reason));
    }

    private void SendMarker()
    {
        _phase = Phase.Marking;
        _resyncMarker = new object();
        _markers.Send(_resyncMarker, Self);
    }

    private void OnMarkerPassed(object? tag)
    {
        switch (tag)
        {
            case CatchUpFor catchUp:
                catchUp.Asker.Tell(CaughtUp.Instance);
                break;
            case not null when ReferenceEquals(tag, _resyncMarker) && _phase == Phase.Marking:
                Subscribe(); // the old subscription's events have all gone by
                break;
        }
    }

    private void OnMarkerFailed(MarkerFailed failed)
    {
        if (failed.Tag is CatchUpFor catchUp)
        {
            catchUp.Asker.Tell(new Status.Failure(failed.Error));
        }
        else if (ReferenceEquals(failed.Tag, _resyncMarker))
        {
            _log.StateRequestFailed("Order book", _accountId, _settings.RetryInterval, failed.Error.Message);
            Timers.StartSingleTimer(RetryTimer, Resync.Instance, _settings.RetryInterval);
        }
    }

    private void Subscribe()
    {
        _phase = Phase.Live;
        _resyncMarker = null;
        _session.Tell(new ChangeSubscription(new ProtoOASubscribeDepthQuotesReq { CtidTraderAccountId = _accountId, SymbolId = { _symbolId } }));
    }

    private sealed record Resync
    {
        public static readonly Resync Instance = new();
    }
}
