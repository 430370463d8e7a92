using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using Akka.Actor;
using Microsoft.Extensions.Logging;

namespace ActorGateway.State;

/// <summary>
/// The mirror of one account. It subscribes to the account's trading events, spots, and the replies that describe the
/// whole account (ReconcileRes, TraderRes), all from the publisher, so every one of them is applied at its place in the
/// stream: a reconcile replaces positions and orders exactly as the server held them when it answered, never undoing
/// an event that came after it. The replies it asks for itself (through the session actor) only tell it that the
/// request ended; their content is taken from the stream. After a gap (reconnect, account disconnect, lost events) it is
/// out of sync until a reconcile and a trader have come again: the session's own restore reconciles the account, the
/// mirror asks the trader, and every difference is published as found by the reconcile.
/// </summary>
internal sealed class MirrorActor : StreamStateActor
{
    private readonly AccountBook _book;
    private readonly List<IActorRef> _syncWaiters = [];
    private bool _needReconcile = true;
    private bool _needTrader = true;
    private bool _needSymbols = true;
    private bool _everSynced;
    private bool _outOfSync;
    private ProtoOAReconcileRes? _lastReconcile;

    public MirrorActor(long accountId, IActorRef session, IActorRef publisher, StateSettings settings)
        : base("Mirror", accountId, Events(accountId), session, publisher, settings, settings.LoggerFactory.CreateLogger<MirrorActor>())
    {
        _book = new AccountBook(accountId);
    }

    private bool InSync => _everSynced && !_needReconcile && !_needTrader;

    public static Props Props(long accountId, IActorRef session, IActorRef publisher, StateSettings settings) =>
        Akka.Actor.Props.Create(() => new MirrorActor(accountId, session, publisher, settings));

    /// <summary>What the mirror reads: trading events, spots for profit, and the replies that state the whole account.</summary>
    internal static SubscriptionOptions Events(long accountId) => new()
    {
        PayloadTypes =
        [
            .. EventStreams.Trading,
            (uint)ProtoOAPayloadType.ProtoOaSpotEvent,
            (uint)ProtoOAPayloadType.ProtoOaReconcileRes,
            (uint)ProtoOAPayloadType.ProtoOaTraderRes,
            (uint)ProtoOAPayloadType.ProtoOaVersionRes, // markers, for CatchUp
        ],
        AccountId = accountId,
        // Executions must not vanish: a large bound, and a full queue drops the newest (the gap is reported and resynced).
        Capacity = 1_000_000,
        Overflow = OverflowPolicy.DropNewest,
    };

    protected override void Load() => AskWhatIsNeeded();

    protected override bool OnOwn(object message)
    {
        switch (message)
        {
            case GetAccountSnapshot { WhenInSync: true } when !InSync:
                _syncWaiters.Add(Sender);
                return true;
            case GetAccountSnapshot:
                Sender.Tell(_book.Snapshot(InSync));
                return true;
            case ProtoOASymbolsListRes symbols:
                _book.Apply(symbols);
                _needSymbols = false;
                return true;
            case ProtoOAReconcileRes or ProtoOATraderRes:
                return true; // applied where they stand in the stream, not here
            default:
                return false;
        }
    }

    protected override void Handle(in StreamItem<Google.Protobuf.IMessage> item)
    {
        switch (item.Message)
        {
            case ProtoOAExecutionEvent execution:
                _book.Apply(execution, Changes);
                break;
            case ProtoOASpotEvent spot:
                _book.Apply(spot);
                break;
            case ProtoOAMarginChangedEvent margin:
                _book.Apply(margin, Changes);
                break;
            case ProtoOATrailingSLChangedEvent trailing:
                _book.Apply(trailing, Changes);
                break;
            case ProtoOATraderUpdatedEvent updated:
                _book.Apply(updated.Trader, ChangeSource.Event, Changes);
                break;
            case ProtoOATraderRes trader:
                _book.Apply(trader.Trader, _everSynced ? ChangeSource.Reconcile : ChangeSource.Event, Changes);
                _needTrader = false;
                CheckInSync();
                break;
            case ProtoOAReconcileRes reconcile:
                ApplyReconcile(reconcile);
                break;
            case null:
                OnNotice(item.Notice!);
                break;
        }
    }

    private void OnNotice(GatewayNotice notice)
    {
        switch (notice)
        {
            case EventsLost { Reason: GapReason.Reconnect }:
                MarkGap("reconnect: events of the outage are unseen");
                break; // the session reconciles the account as it restores; the trader is asked once it has
            case EventsLost lost:
                MarkGap($"{lost.Count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "some"} events lost");
                AskWhatIsNeeded();
                break;
            case SessionRestored:
                AskWhatIsNeeded();
                break;
            case AccountDisconnected disconnected when disconnected.AccountId == AccountId:
                MarkGap("account disconnected by the server");
                break;
            case AccountUnavailable unavailable when unavailable.AccountId == AccountId:
                MarkGap($"account unavailable: {unavailable.Error.Message}");
                break;
            case AccountTokenInvalidated invalidated when invalidated.AccountIds.Contains(AccountId):
                MarkGap("access token invalidated");
                break;
            case AccountReconciled reconciled when reconciled.AccountId == AccountId:
                // Its ReconcileRes normally came through the stream first; this copy is applied only if that one never did.
                if (_needReconcile)
                {
                    ApplyReconcile(reconciled.Snapshot);
                }

                AskWhatIsNeeded();
                break;
        }
    }

    private void ApplyReconcile(ProtoOAReconcileRes reconcile)
    {
        if (ReferenceEquals(reconcile, _lastReconcile))
        {
            return; // the notice's copy and the stream's are one message: applying it twice would undo what came between
        }

        _lastReconcile = reconcile;
        _book.Replace(reconcile, publish: _everSynced, Changes);
        _needReconcile = false;
        CheckInSync();
    }

    private void MarkGap(string reason)
    {
        _needReconcile = true;
        _needTrader = true;
        if (!_outOfSync)
        {
            _outOfSync = true;
            Log.MirrorOutOfSync(AccountId, reason);
            Changes.Add(new MirrorOutOfSync(AccountId, reason));
        }
    }

    private void CheckInSync()
    {
        if (_needReconcile || _needTrader || (_everSynced && !_outOfSync))
        {
            return;
        }

        _everSynced = true;
        _outOfSync = false;
        Log.MirrorInSync(AccountId, _book.Positions.Count, _book.Orders.Count);
        Changes.Add(new MirrorInSync(AccountId));
        if (_syncWaiters.Count > 0)
        {
            var snapshot = _book.Snapshot(inSync: true);
            _syncWaiters.ForEach(waiter => waiter.Tell(snapshot));
            _syncWaiters.Clear();
        }
    }

    /// <summary>Asks the session for what the mirror lacks; the session holds the requests while it restores.</summary>
    private void AskWhatIsNeeded()
    {
        if (_needReconcile)
        {
            Session.Tell(new ProtoOAReconcileReq { CtidTraderAccountId = AccountId });
        }

        if (_needTrader)
        {
            Session.Tell(new ProtoOATraderReq { CtidTraderAccountId = AccountId });
        }

        if (_needSymbols)
        {
            Session.Tell(new ProtoOASymbolsListReq { CtidTraderAccountId = AccountId });
        }
    }
}
