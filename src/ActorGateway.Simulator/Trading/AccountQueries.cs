using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.ReferenceData;
using Google.Protobuf;

namespace ActorGateway.Simulator.Trading;

/// <summary>Read-only views of an account: reconcile, history listings, order details, margin and profit.</summary>
internal sealed class AccountQueries(Valuation valuation, TimeProvider time)
{
    private const long OneWeekMs = 604_800_000;

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    public static ProtoOAReconcileRes Reconcile(Account account) => new()
    {
        CtidTraderAccountId = account.Id,
        Position = { account.Positions.Values.Select(p => p.Clone()) },
        Order = { account.PendingOrders.Values.Select(o => o.Clone()) },
    };

    public ProtoOADealListRes DealList(Account account, ProtoOADealListReq request)
    {
        var (from, to) = (request.HasFromTimestamp ? request.FromTimestamp : 0, request.HasToTimestamp ? request.ToTimestamp : Now);
        var deals = account.Deals.Where(d => d.ExecutionTimestamp >= from && d.ExecutionTimestamp <= to).ToList();
        var max = request.HasMaxRows && request.MaxRows > 0 ? request.MaxRows : int.MaxValue;
        return new ProtoOADealListRes
        {
            CtidTraderAccountId = account.Id, HasMore = deals.Count > max, Deal = { deals.Take(max).Select(d => d.Clone()) },
        };
    }

    public ProtoOAOrderListRes OrderList(Account account, ProtoOAOrderListReq request)
    {
        var (from, to) = (request.HasFromTimestamp ? request.FromTimestamp : 0, request.HasToTimestamp ? request.ToTimestamp : Now);
        return new ProtoOAOrderListRes
        {
            CtidTraderAccountId = account.Id, HasMore = false,
            Order =
            {
                account.Orders.Values.Where(o => o.UtcLastUpdateTimestamp >= from && o.UtcLastUpdateTimestamp <= to).Select(o => o.Clone()),
            },
        };
    }

    public static ProtoOADealListByPositionIdRes DealsOfPosition(Account account, long positionId) => new()
    {
        CtidTraderAccountId = account.Id, HasMore = false,
            Deal = { account.Deals.Where(d => d.PositionId == positionId).Select(d => d.Clone()) },
    };

    public static ProtoOAOrderListByPositionIdRes OrdersOfPosition(Account account, long positionId) => new()
    {
        CtidTraderAccountId = account.Id, HasMore = false,
        Order = { account.Orders.Values.Where(o => o.PositionId == positionId).Select(o => o.Clone()) },
    };

    public static IMessage OrderDetails(Account account, long orderId) =>
        account.Orders.TryGetValue(orderId, out var order)
            ? new ProtoOAOrderDetailsRes
            {
                CtidTraderAccountId = account.Id, Order = order.Clone(),
                    Deal = { account.Deals.Where(d => d.OrderId == orderId).Select(d => d.Clone()) },
            }
            : Sessions.ErrorReplies.OA(ProtoOAErrorCode.OrderNotFound, "No order with this id", account.Id);

    public IMessage ExpectedMargin(Account account, ProtoOAExpectedMarginReq request)
    {
        if (Catalog.FindSymbol(request.SymbolId) is not { } symbol)
        {
            return Sessions.ErrorReplies.OA(ProtoOAErrorCode.SymbolNotFound, "Symbol not found", account.Id);
        }

        // Margin is the same for both sides here: notional in USD at mid over leverage.
        return new ProtoOAExpectedMarginRes
        {
            CtidTraderAccountId = account.Id, MoneyDigits = (uint)account.Options.MoneyDigits,
            Margin =
            {
                request.Volume.Select(v => new ProtoOAExpectedMargin
                {
                    Volume = v, BuyMargin = valuation.Margin(symbol, v, account), SellMargin = valuation.Margin(symbol, v, account),
                }),
            },
        };
    }

    public ProtoOAGetPositionUnrealizedPnLRes UnrealizedPnL(Account account) => new()
    {
        CtidTraderAccountId = account.Id, MoneyDigits = (uint)account.Options.MoneyDigits,
        PositionUnrealizedPnL =
        {
            account.Positions.Values.Select(p => new ProtoOAPositionUnrealizedPnL
            {
                PositionId = p.PositionId, GrossUnrealizedPnL = valuation.UnrealizedProfit(account, p),
                NetUnrealizedPnL = valuation.UnrealizedProfit(account, p),
            }),
        },
    };

    /// <summary>The balance history: the opening deposit, within a window of at most one week.</summary>
    public static IMessage CashFlow(Account account, ProtoOACashFlowHistoryListReq request)
    {
        if (request.FromTimestamp < 0 || request.FromTimestamp > request.ToTimestamp
            || request.ToTimestamp - request.FromTimestamp > OneWeekMs)
        {
            return Sessions.ErrorReplies.OA(ProtoOAErrorCode.IncorrectBoundaries, "The window must be at most one week", account.Id);
        }

        var res = new ProtoOACashFlowHistoryListRes { CtidTraderAccountId = account.Id };
        var opened = account.OpenedAt.ToUnixTimeMilliseconds();
        if (opened >= request.FromTimestamp && opened <= request.ToTimestamp)
        {
            res.DepositWithdraw.Add(new ProtoOADepositWithdraw
            {
                OperationType = ProtoOAChangeBalanceType.BalanceDeposit, BalanceHistoryId = 1, Balance = account.InitialDeposit,
                Delta = account.InitialDeposit, ChangeBalanceTimestamp = opened, BalanceVersion = 1,
                    MoneyDigits = (uint)account.Options.MoneyDigits,
                ExternalNote = "Opening deposit",
            });
        }

        return res;
    }
}
