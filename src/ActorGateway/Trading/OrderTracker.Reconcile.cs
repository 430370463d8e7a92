using ActorGateway.Correlation;
using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using Akka.Actor;
using Google.Protobuf;

namespace ActorGateway.Trading;

internal sealed partial class OrderTracker
{
    private const int MaxReconcileAttempts = 5;

    // How far around the request the order history is searched: the server stamps orders with its own clock.
    private static readonly TimeSpan HistoryMargin = TimeSpan.FromMinutes(2);

    private int _reconcileAttempts;

    /// <summary>Timer: try reconciling again.</summary>
    private sealed record RetryReconcile
    {
        public static readonly RetryReconcile Instance = new();
    }

    private void StartReconcile()
    {
        _reconcileAttempts++;
        Become(Reconciling);
        Ask(new ProtoOAReconcileReq { CtidTraderAccountId = AccountId });
    }

    private void Reconciling(object message)
    {
        switch (message)
        {
            case ProtoOAExecutionEvent e when !ReferenceEquals(e, _reply):
                // The order's own events say it better than a snapshot; a late reply arrives this way too.
                _reply ??= e;
                _orderId ??= e.Order?.OrderId;
                OnEvent(e);
                if (!_finished)
                {
                    Become(Following);
                }

                break;
            case ProtoOAReconcileRes snapshot:
                OnSnapshot(snapshot);
                break;
            case ProtoOAOrderListRes history:
                OnHistory(history);
                break;
            case Status.Failure:
                RetryLater();
                break;
            case RetryReconcile:
                StartReconcile();
                break;
            case ConnectionStateChanged:
                break; // a request waits for the next connection by itself
            default:
                Unhandled(message);
                break;
        }
    }

    private void OnSnapshot(ProtoOAReconcileRes snapshot)
    {
        if (snapshot.Order.FirstOrDefault(IsOurs) is { } working)
        {
            _orderId = working.OrderId;
            Context.Parent.Tell(new FollowOrder(working.OrderId));
            var state = _tracked.Request is ProtoOACancelOrderReq ? OrderState.NotPlaced : OrderState.Working;
            if (state == OrderState.NotPlaced || _tracked.IsAmendment)
            {
                // A cancel that left the order working never happened; an amendment cannot be told from the snapshot.
                Finish(_tracked.IsAmendment ? OrderState.Unknown : state, working, resolvedByReconcile: true);
                return;
            }

            Tell(new OrderUpdate(OrderState.Working, working, null));
            Become(Following);
            return;
        }

        if (_tracked.Request is ProtoOAClosePositionReq close)
        {
            var open = snapshot.Position.Any(p => p.PositionId == close.PositionId);
            Finish(open ? OrderState.NotPlaced : OrderState.Filled, null, resolvedByReconcile: true);
            return;
        }

        // Not working any more, or never placed: the order history tells which.
        var now = _tracked.Time.GetUtcNow();
        Ask(new ProtoOAOrderListReq
        {
            CtidTraderAccountId = AccountId,
            FromTimestamp = (now - _tracked.Timeout - HistoryMargin).ToUnixTimeMilliseconds(),
            ToTimestamp = (now + HistoryMargin).ToUnixTimeMilliseconds(),
        });
    }

    private void OnHistory(ProtoOAOrderListRes history)
    {
        if (history.Order.LastOrDefault(IsOurs) is { } order)
        {
            _orderId = order.OrderId;
            var state = OrderStates.Of(order);
            Finish(OrderStates.IsFinal(state) ? state : OrderState.Unknown, order, resolvedByReconcile: true);
            return;
        }

        Finish(_tracked.IsAmendment || _tracked.Request is ProtoOACancelOrderReq ? OrderState.Unknown : OrderState.NotPlaced,
            null, resolvedByReconcile: true);
    }

    private void RetryLater()
    {
        if (_reconcileAttempts >= MaxReconcileAttempts)
        {
            Finish(OrderState.Unknown, null, resolvedByReconcile: false);
            return;
        }

        Timers.StartSingleTimer(nameof(RetryReconcile), RetryReconcile.Instance, TimeSpan.FromSeconds(1 << _reconcileAttempts));
    }

    private bool IsOurs(ProtoOAOrder order) =>
        (_orderId is { } id && order.OrderId == id)
        || (_tracked.Request is ProtoOANewOrderReq { HasClientOrderId: true } placed && order.ClientOrderId == placed.ClientOrderId);

    private void Ask(IMessage request)
    {
        var info = PayloadRegistry.Of(request);
        var deadline = Deadlines.After(_tracked.Time, _tracked.Timeout);
        _tracked.Connection.Tell(new ActorRequest(request, info, _tracked.Ids.Next(), _tracked.Timeout, deadline, Self));
    }

    private long AccountId => (long)_tracked.Info.Descriptor.FindFieldByName("ctidTraderAccountId").Accessor.GetValue(_tracked.Request);
}

/// <summary>Told by a tracker to the gateway actor: route this order's events to me.</summary>
internal sealed record FollowOrder(long OrderId);
