using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using ActorGateway.Simulator.Trading;
using ActorGateway.Simulator.Sessions;
using Google.Protobuf;

namespace ActorGateway.Simulator.Exchange;

/// <summary>Trading requests and account views, handed to the <see cref="TradingDesk"/>.</summary>
internal sealed partial class ExchangeActor
{
    private bool TryHandleTrading(ClientState client, IMessage request, string? id)
    {
        if (request is ProtoOANewOrderReq or ProtoOACancelOrderReq or ProtoOAAmendOrderReq
            or ProtoOAAmendPositionSLTPReq or ProtoOAClosePositionReq)
        {
            Trade(client, request, id);
            return true;
        }

        IMessage? reply = request switch
        {
            ProtoOAReconcileReq r => TradingDesk.Reconcile(_desk.Get(r.CtidTraderAccountId)),
            ProtoOADealListReq r => _desk.DealList(_desk.Get(r.CtidTraderAccountId), r),
            ProtoOAOrderListReq r => _desk.OrderList(_desk.Get(r.CtidTraderAccountId), r),
            ProtoOADealListByPositionIdReq r => TradingDesk.DealsOfPosition(_desk.Get(r.CtidTraderAccountId), r.PositionId),
            ProtoOAOrderListByPositionIdReq r => TradingDesk.OrdersOfPosition(_desk.Get(r.CtidTraderAccountId), r.PositionId),
            ProtoOAOrderDetailsReq r => TradingDesk.OrderDetails(_desk.Get(r.CtidTraderAccountId), r.OrderId),
            ProtoOAExpectedMarginReq r => _desk.ExpectedMargin(_desk.Get(r.CtidTraderAccountId), r),
            ProtoOAGetPositionUnrealizedPnLReq r => _desk.UnrealizedPnL(_desk.Get(r.CtidTraderAccountId)),
            ProtoOACashFlowHistoryListReq r => TradingDesk.CashFlow(_desk.Get(r.CtidTraderAccountId), r),
            _ => null,
        };
        if (reply is not null)
        {
            Reply(client, reply, id);
        }

        return reply is not null;
    }

    private void Trade(ClientState client, IMessage request, string? id)
    {
        var accountId = AccountIdOf(PayloadRegistry.Of(request), request);
        var account = _desk.Get(accountId);
        if (_tokens.Find(client.Accounts[accountId])?.ViewOnly == true)
        {
            var refused = new ProtoOAOrderErrorEvent
            {
                CtidTraderAccountId = accountId, ErrorCode = ErrorReplies.NameOf(ProtoOAErrorCode.TradingNotAllowed),
                Description = "The access token only allows viewing this account",
            };
            Reply(client, refused, id);
            return;
        }

        var outcome = request switch
        {
            ProtoOANewOrderReq r => _desk.NewOrder(account, r),
            ProtoOACancelOrderReq r => _desk.CancelOrder(account, r),
            ProtoOAAmendOrderReq r => _desk.AmendOrder(account, r),
            ProtoOAAmendPositionSLTPReq r => _desk.AmendPositionProtection(account, r),
            ProtoOAClosePositionReq r => _desk.ClosePosition(account, r),
            _ => throw new InvalidOperationException($"{request.Descriptor.Name} is not a trading request."),
        };
        if (outcome.Error is not null)
        {
            Reply(client, outcome.Error, id);
            return;
        }

        // Every connection on the account sees the executions, carrying the requester's clientMsgId as the real server does.
        foreach (var e in outcome.Events)
        {
            Broadcast(accountId, e, e is ProtoOAExecutionEvent ? id : null);
        }
    }
}
