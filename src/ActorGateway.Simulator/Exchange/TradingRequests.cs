using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using ActorGateway.Simulator.Trading;
using ActorGateway.Simulator.Sessions;
using Google.Protobuf;
using static ActorGateway.Simulator.Exchange.ExchangeClients;

namespace ActorGateway.Simulator.Exchange;

/// <summary>Trading requests and account views, handed to the <see cref="TradingDesk"/>.</summary>
internal sealed class TradingRequests(ExchangeClients clients, AccountSessions sessions, TradingDesk desk)
{
    public bool TryHandle(ClientState client, IMessage request, string? id)
    {
        if (request is ProtoOANewOrderReq or ProtoOACancelOrderReq or ProtoOAAmendOrderReq
            or ProtoOAAmendPositionSLTPReq or ProtoOAClosePositionReq)
        {
            Trade(client, request, id);
            return true;
        }

        IMessage? reply = request switch
        {
            ProtoOAReconcileReq r => AccountQueries.Reconcile(desk.Get(r.CtidTraderAccountId)),
            ProtoOADealListReq r => desk.Queries.DealList(desk.Get(r.CtidTraderAccountId), r),
            ProtoOAOrderListReq r => desk.Queries.OrderList(desk.Get(r.CtidTraderAccountId), r),
            ProtoOADealListByPositionIdReq r => AccountQueries.DealsOfPosition(desk.Get(r.CtidTraderAccountId), r.PositionId),
            ProtoOAOrderListByPositionIdReq r => AccountQueries.OrdersOfPosition(desk.Get(r.CtidTraderAccountId), r.PositionId),
            ProtoOAOrderDetailsReq r => AccountQueries.OrderDetails(desk.Get(r.CtidTraderAccountId), r.OrderId),
            ProtoOAExpectedMarginReq r => desk.Queries.ExpectedMargin(desk.Get(r.CtidTraderAccountId), r),
            ProtoOAGetPositionUnrealizedPnLReq r => desk.Queries.UnrealizedPnL(desk.Get(r.CtidTraderAccountId)),
            ProtoOACashFlowHistoryListReq r => AccountQueries.CashFlow(desk.Get(r.CtidTraderAccountId), r),
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
        var accountId = ExchangeActor.AccountIdOf(PayloadRegistry.Of(request), request);
        var account = desk.Get(accountId);
        if (sessions.IsViewOnly(client, accountId))
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
            ProtoOANewOrderReq r => desk.NewOrder(account, r),
            ProtoOACancelOrderReq r => desk.CancelOrder(account, r),
            ProtoOAAmendOrderReq r => desk.AmendOrder(account, r),
            ProtoOAAmendPositionSLTPReq r => desk.AmendPositionProtection(account, r),
            ProtoOAClosePositionReq r => desk.ClosePosition(account, r),
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
            clients.Broadcast(accountId, e, e is ProtoOAExecutionEvent ? id : null);
        }
    }
}
