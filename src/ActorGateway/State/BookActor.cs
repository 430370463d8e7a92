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
internal sealed class BookActor : StreamStateActor
{
    private readonly long _symbolId;
    private readonly OrderBookState _book = new();
    private readonly List<(ulong QuoteId, BookProblem Problem)> _rejected = [];
    private Phase _phase = Phase.Starting;
    private bool _awaitingWhole = true;
    private IMessage? _unsubscribe;
    private object? _resyncMarker; // the tag of the marker the resync waits for
    private readonly List<(IActorRef Waiter, GetBookSnapshot Query)> _liveWaiters = [];

    public BookActor(long accountId, long symbolId, IActorRef session, IActorRef publisher, StateSettings settings)
        : base("Order book", accountId, Events(accountId), session, publisher, settings, settings.LoggerFactory.CreateLogger<BookActor>())
    {
        _symbolId = symbolId;
    }

    private enum Phase
    {
        Starting,      // subscribing to the publisher
        Unsubscribing, // the old depth subscription is being ended; its events are dropped
        Marking,       // waiting for the marker to pass; events still dropped
        Live,          // subscribed afresh: events applied, the first one onto an empty book
    }

    public static Props Props(long accountId, long symbolId, IActorRef session, IActorRef publisher, StateSettings settings) =>
        Akka.Actor.Props.Create(() => new BookActor(accountId, symbolId, session, publisher, settings));

    private static SubscriptionOptions Events(long accountId) => new()
    {
        PayloadTypes = [(uint)ProtoOAPayloadType.ProtoOaDepthEvent, (uint)ProtoOAPayloadType.ProtoOaVersionRes],
        // No symbol filter: the book listens before it subscribes, which the publisher would warn about; it filters itself.
        AccountId = accountId,
        // A lost depth event corrupts the book, so nothing is dropped early; a loss means a fresh subscription.
        Capacity = 1_000_000,
        Overflow = OverflowPolicy.DropNewest,
    };

    protected override void Load() => StartResync(_phase == Phase.Starting ? "starting" : "retrying");

    protected override bool OnOwn(object message)
    {
        switch (message)
        {
            case SubscriptionChanged changed when ReferenceEquals(changed.Request, _unsubscribe) && _phase == Phase.Unsubscribing:
                SendMarker();
                return true;
            case SubscriptionChanged:
                return true; // the fresh subscription is in force; its events may be here already
            case GetBookSnapshot { WhenLive: true } get when !IsLive:
                _liveWaiters.Add((Sender, get));
                return true;
            case GetBookSnapshot get:
                Sender.Tell(Snapshot(get));
                return true;
            default:
                return false;
        }
    }

    protected override void OnRequestFailed(Exception cause)
    {
        if (_phase == Phase.Unsubscribing)
        {
            LogRequestFailed(cause.Message);
            SendMarker(); // not subscribed, or the connection went: either way the marker tells when the old events are gone
        }
        else
        {
            RetryLater(cause.Message);
        }
    }

    protected override void Handle(in StreamItem<IMessage> item)
    {
        switch (item.Message)
        {
            case ProtoOADepthEvent depth when _phase == Phase.Live && (long)depth.SymbolId == _symbolId:
                Apply(depth);
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
                Log.UnknownQuoteDeleted(AccountId, _symbolId, quoteId, _book.Rejected);
            }

            Changes.Add(new BookQuoteRejected(AccountId, _symbolId, quoteId, problem));
        }

        _rejected.Clear();
        Changes.Add(new BookUpdated(AccountId, _symbolId, _book.BestBid, _book.BestAsk, _book.Version, _awaitingWhole));
        _awaitingWhole = false;
        foreach (var (waiter, query) in _liveWaiters)
        {
            waiter.Tell(Snapshot(query));
        }

        _liveWaiters.Clear();
    }

    private bool IsLive => _phase == Phase.Live && !_awaitingWhole;

    private BookSnapshot Snapshot(GetBookSnapshot query) => _book.Snapshot(AccountId, _symbolId, IsLive, query.Levels, query.WithQuotes);

    private void StartResync(string reason)
    {
        Clear(reason);
        _phase = Phase.Unsubscribing;
        _unsubscribe = new ProtoOAUnsubscribeDepthQuotesReq { CtidTraderAccountId = AccountId, SymbolId = { _symbolId } };
        Session.Tell(new ChangeSubscription(_unsubscribe));
    }

    private void Clear(string reason)
    {
        _book.Clear();
        _awaitingWhole = true;
        Log.BookRebuilding(AccountId, _symbolId, reason);
        Changes.Add(new BookCleared(AccountId, _symbolId, reason));
    }

    private void SendMarker()
    {
        _phase = Phase.Marking;
        _resyncMarker = new object();
        Markers.Send(_resyncMarker, Self);
    }

    protected override void OnMarkerPassed(object tag)
    {
        if (ReferenceEquals(tag, _resyncMarker) && _phase == Phase.Marking)
        {
            Subscribe(); // the old subscription's events have all gone by
        }
    }

    protected override void OnMarkerFailed(MarkerFailed failed)
    {
        if (ReferenceEquals(failed.Tag, _resyncMarker))
        {
            RetryLater(failed.Error.Message);
        }
    }

    private void Subscribe()
    {
        _phase = Phase.Live;
        _resyncMarker = null;
        Session.Tell(new ChangeSubscription(new ProtoOASubscribeDepthQuotesReq { CtidTraderAccountId = AccountId, SymbolId = { _symbolId } }));
    }
}
