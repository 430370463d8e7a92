using ActorGateway.Protocol.Messages;

namespace ActorGateway.State;

internal sealed partial class AccountBook
{
    /// <summary>
    /// Replaces positions and orders with a reconcile's, which is the server's whole truth at its place in the stream;
    /// with <paramref name="publish"/> each difference is reported as found by the reconcile (what happened unseen).
    /// </summary>
    public void Replace(ProtoOAReconcileRes snapshot, bool publish, List<StateChange> changes)
    {
        var positions = new Dictionary<long, PositionView>(snapshot.Position.Count);
        foreach (var position in snapshot.Position)
        {
            positions[position.PositionId] = new PositionView(position, MoneyDigits);
        }

        var orders = new Dictionary<long, OrderView>(snapshot.Order.Count);
        foreach (var order in snapshot.Order)
        {
            orders[order.OrderId] = new OrderView(order);
        }

        if (publish)
        {
            DiffPositions(positions, changes);
            DiffOrders(orders, changes);
        }

        _positions.Clear();
        foreach (var (id, view) in positions)
        {
            _positions.Add(id, view);
        }

        _orders.Clear();
        foreach (var (id, view) in orders)
        {
            _orders.Add(id, view);
        }
    }

    private void DiffPositions(Dictionary<long, PositionView> now, List<StateChange> changes)
    {
        foreach (var (id, known) in _positions)
        {
            if (!now.ContainsKey(id))
            {
                changes.Add(new PositionClosed(AccountId, known, ChangeSource.Reconcile));
            }
        }

        foreach (var (id, view) in now)
        {
            if (!_positions.TryGetValue(id, out var known))
            {
                changes.Add(new PositionOpened(AccountId, view, ChangeSource.Reconcile));
            }
            else if (!known.Raw.Equals(view.Raw))
            {
                changes.Add(new PositionChanged(AccountId, view, known, ChangeSource.Reconcile));
            }
        }
    }

    private void DiffOrders(Dictionary<long, OrderView> now, List<StateChange> changes)
    {
        foreach (var (id, known) in _orders)
        {
            if (!now.ContainsKey(id))
            {
                changes.Add(new OrderChanged(AccountId, known, OrderChangeKind.Gone, ChangeSource.Reconcile));
            }
        }

        foreach (var (id, view) in now)
        {
            if (!_orders.TryGetValue(id, out var known))
            {
                changes.Add(new OrderChanged(AccountId, view, OrderChangeKind.Appeared, ChangeSource.Reconcile));
            }
            else if (!known.Raw.Equals(view.Raw))
            {
                changes.Add(new OrderChanged(AccountId, view, OrderChangeKind.Replaced, ChangeSource.Reconcile));
            }
        }
    }
}
