using ActorGateway.Protocol.Messages;

namespace ActorGateway.State;

/// <summary>
/// The state of one account, kept from the server's messages in the order they arrived: open positions, working orders,
/// balance, and the last prices for unrealised profit. Each method appends what changed to the caller's list (nothing
/// is allocated for the list itself), so the owner decides what to publish. Owned by one mirror actor; not thread-safe.
/// </summary>
internal sealed partial class AccountBook(long accountId)
{
    private const int DefaultMoneyDigits = 2;

    private readonly Dictionary<long, PositionView> _positions = [];
    private readonly Dictionary<long, OrderView> _orders = [];
    private long? _balanceUnits;
    private int _balanceDigits = DefaultMoneyDigits;
    private long _balanceVersion;

    public long AccountId { get; } = accountId;

    /// <summary>The account's money digits, from its trader (2 until known).</summary>
    public int MoneyDigits { get; private set; } = DefaultMoneyDigits;

    /// <summary>The deposit asset, from the trader; 0 until known.</summary>
    public long DepositAssetId { get; private set; }

    public decimal? Balance => _balanceUnits is { } units ? Money.FromUnits(units, _balanceDigits) : null;

    public IReadOnlyDictionary<long, PositionView> Positions => _positions;

    public IReadOnlyDictionary<long, OrderView> Orders => _orders;

    /// <summary>Applies an execution: the order's new state, the position's, and a balance the deal or transfer reports.</summary>
    public void Apply(ProtoOAExecutionEvent execution, List<StateChange> changes)
    {
        if (execution.ExecutionType == ProtoOAExecutionType.DepositWithdraw)
        {
            if (execution.DepositWithdraw is { } transfer)
            {
                SetBalance(transfer.Balance, transfer.HasMoneyDigits ? (int)transfer.MoneyDigits : null,
                    transfer.HasBalanceVersion ? transfer.BalanceVersion : null, ChangeSource.Event, changes);
            }

            return;
        }

        if (execution.Order is { } order)
        {
            ApplyOrder(order, execution.ExecutionType, changes);
        }

        if (execution.Position is { } position)
        {
            ApplyPosition(position, changes);
        }

        if (execution.Deal?.ClosePositionDetail is { } detail)
        {
            var digits = detail.HasMoneyDigits ? (int?)detail.MoneyDigits : execution.Deal.HasMoneyDigits ? (int)execution.Deal.MoneyDigits : null;
            SetBalance(detail.Balance, digits, detail.HasBalanceVersion ? detail.BalanceVersion : null, ChangeSource.Event, changes);
        }
    }

    /// <summary>Applies the trader (from a TraderRes or a TraderUpdatedEvent): money digits, deposit asset, balance.</summary>
    public void Apply(ProtoOATrader trader, ChangeSource source, List<StateChange> changes)
    {
        MoneyDigits = trader.HasMoneyDigits ? (int)trader.MoneyDigits : DefaultMoneyDigits;
        DepositAssetId = trader.DepositAssetId;
        SetBalance(trader.Balance, MoneyDigits, trader.HasBalanceVersion ? trader.BalanceVersion : null, source, changes);
    }

    /// <summary>Applies a position's new used margin.</summary>
    public void Apply(ProtoOAMarginChangedEvent margin, List<StateChange> changes)
    {
        if (_positions.TryGetValue((long)margin.PositionId, out var known) && (!known.Raw.HasUsedMargin || known.Raw.UsedMargin != margin.UsedMargin))
        {
            var raw = known.Raw.Clone();
            raw.UsedMargin = margin.UsedMargin;
            if (margin.HasMoneyDigits)
            {
                raw.MoneyDigits = margin.MoneyDigits;
            }

            Replace(known, raw, ChangeSource.Event, changes);
        }
    }

    /// <summary>Applies a trailing stop's move.</summary>
    public void Apply(ProtoOATrailingSLChangedEvent trailing, List<StateChange> changes)
    {
        if (_positions.TryGetValue(trailing.PositionId, out var known) && (!known.Raw.HasStopLoss || known.Raw.StopLoss != trailing.StopPrice))
        {
            var raw = known.Raw.Clone();
            raw.StopLoss = trailing.StopPrice;
            raw.UtcLastUpdateTimestamp = trailing.UtcLastUpdateTimestamp;
            Replace(known, raw, ChangeSource.Event, changes);
        }
    }

    private void ApplyOrder(ProtoOAOrder order, ProtoOAExecutionType type, List<StateChange> changes)
    {
        var view = new OrderView(order);
        if (order.OrderStatus == ProtoOAOrderStatus.OrderStatusAccepted)
        {
            _orders[order.OrderId] = view;
        }
        else
        {
            _orders.Remove(order.OrderId);
        }

        changes.Add(new OrderChanged(AccountId, view, KindOf(order.OrderStatus, type), ChangeSource.Event));
    }

    private void ApplyPosition(ProtoOAPosition position, List<StateChange> changes)
    {
        switch (position.PositionStatus)
        {
            case ProtoOAPositionStatus.PositionStatusOpen when position.TradeData.Volume > 0:
                if (_positions.TryGetValue(position.PositionId, out var known))
                {
                    if (!ReferenceEquals(known.Raw, position) && !known.Raw.Equals(position))
                    {
                        Replace(known, position, ChangeSource.Event, changes);
                    }
                }
                else
                {
                    var opened = new PositionView(position, MoneyDigits);
                    _positions.Add(position.PositionId, opened);
                    changes.Add(new PositionOpened(AccountId, opened, ChangeSource.Event));
                }

                break;
            case ProtoOAPositionStatus.PositionStatusCreated:
                break; // not open yet: the fill that opens it follows
            default:
                // Closed, in error, or open with nothing left: it is no longer an open position.
                _positions.Remove(position.PositionId);
                changes.Add(new PositionClosed(AccountId, new PositionView(position, MoneyDigits), ChangeSource.Event));
                break;
        }
    }

    private void Replace(PositionView known, ProtoOAPosition raw, ChangeSource source, List<StateChange> changes)
    {
        var changed = new PositionView(raw, MoneyDigits);
        _positions[raw.PositionId] = changed;
        changes.Add(new PositionChanged(AccountId, changed, known, source));
    }

    private void SetBalance(long units, int? digits, long? version, ChangeSource source, List<StateChange> changes)
    {
        if (version is { } v)
        {
            if (v < _balanceVersion)
            {
                return; // older than what is known: an event overtaken by a later trader or transfer
            }

            _balanceVersion = v;
        }

        var previous = Balance;
        _balanceUnits = units;
        _balanceDigits = digits ?? MoneyDigits;
        var balance = Balance!.Value;
        if (previous != balance)
        {
            changes.Add(new BalanceChanged(AccountId, balance, previous, source));
        }
    }

    private static OrderChangeKind KindOf(ProtoOAOrderStatus status, ProtoOAExecutionType type) => status switch
    {
        ProtoOAOrderStatus.OrderStatusFilled => OrderChangeKind.Filled,
        ProtoOAOrderStatus.OrderStatusCancelled => OrderChangeKind.Cancelled,
        ProtoOAOrderStatus.OrderStatusExpired => OrderChangeKind.Expired,
        ProtoOAOrderStatus.OrderStatusRejected => OrderChangeKind.Rejected,
        _ => type switch
        {
            ProtoOAExecutionType.OrderAccepted => OrderChangeKind.Accepted,
            ProtoOAExecutionType.OrderPartialFill or ProtoOAExecutionType.OrderFilled => OrderChangeKind.PartiallyFilled,
            ProtoOAExecutionType.OrderCancelRejected => OrderChangeKind.CancelRejected,
            _ => OrderChangeKind.Replaced,
        },
    };
}
