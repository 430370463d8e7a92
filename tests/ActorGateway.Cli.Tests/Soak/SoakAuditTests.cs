using ActorGateway.Cli.Soak;
using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;

namespace ActorGateway.Cli.Tests.Soak;

/// <summary>
/// The audit catches what it is there to catch: against the soak's simulator, orders placed on purpose twice under one
/// label, an order said to have failed that executed, and one said to have succeeded that never did.
/// </summary>
public sealed class SoakAuditTests
{
    private const string Run = "audit";

    [Fact]
    public async Task The_audit_counts_executions_per_label_and_flags_every_mismatch_with_the_calls()
    {
        await using var exchange = await SoakExchange.StartAsync(default).OrTimeout();
        var ledger = new OrderLedger();
        var account = SoakExchange.Accounts[0];
        await using (var trader = exchange.OpenAuditor(TimeSpan.FromSeconds(10)))
        {
            // Order 0: placed twice under one label, both calls answered.
            await PlaceAsync(trader, account, 0).OrTimeout();
            await PlaceAsync(trader, account, 0).OrTimeout();
            ledger.Record(SoakWorkload.LabelOf(Run, 0), account, OrderVerdict.Succeeded);
            // Order 1: executed, but recorded as failed.
            await PlaceAsync(trader, account, 1).OrTimeout();
            ledger.Record(SoakWorkload.LabelOf(Run, 1), account, OrderVerdict.Failed);
            // Order 2: never placed, but recorded as succeeded.
            ledger.Record(SoakWorkload.LabelOf(Run, 2), account, OrderVerdict.Succeeded);
            // Order 3: unknown, executed, and a reconcile said it was not.
            await PlaceAsync(trader, account, 3).OrTimeout();
            ledger.Record(SoakWorkload.LabelOf(Run, 3), account, OrderVerdict.Unknown)!.Resolve(executed: false);
            // Order 4: unknown, never placed, and a reconcile said so.
            ledger.Record(SoakWorkload.LabelOf(Run, 4), account, OrderVerdict.Unknown)!.Resolve(executed: false);
            // Order 5: unknown and never resolved.
            ledger.Record(SoakWorkload.LabelOf(Run, 5), account, OrderVerdict.Unknown);
        }

        var figures = await SoakAudit.RunAsync(exchange, ledger, Run, TimeSpan.FromSeconds(10)).OrTimeout();

        Assert.Equal(6, figures.Sent);
        Assert.Equal(4, figures.Executions);
        Assert.Equal(1, figures.ExecutedTwice);
        Assert.Equal(1, figures.FailedButExecuted);
        Assert.Equal(1, figures.SuccessButNotExecuted);
        Assert.Equal(1, figures.ReconcileVerdictWrong);
        Assert.Equal(3, figures.Unknown);
        Assert.Equal(2, figures.UnknownResolvedByReconcile);
        Assert.Equal(2, figures.UnknownFoundNotExecuted);
    }

    [Fact]
    public async Task Positions_of_another_run_are_not_counted()
    {
        await using var exchange = await SoakExchange.StartAsync(default).OrTimeout();
        var account = SoakExchange.Accounts[1];
        await using (var trader = exchange.OpenAuditor(TimeSpan.FromSeconds(10)))
        {
            await PlaceAsync(trader, account, 0, run: "other").OrTimeout();
        }

        var figures = await SoakAudit.RunAsync(exchange, new OrderLedger(), Run, TimeSpan.FromSeconds(10)).OrTimeout();

        Assert.Equal(0, figures.Executions);
        Assert.Equal(0, figures.ExecutionsWithoutOrder);
    }

    private static Task<ProtoOAExecutionEvent> PlaceAsync(ActorGateway.Session.GatewaySession session, long account, int index,
        string run = Run)
    {
        var label = SoakWorkload.LabelOf(run, index);
        return session.PlaceOrderAsync(new ProtoOANewOrderReq
        {
            CtidTraderAccountId = account, SymbolId = 1, OrderType = ProtoOAOrderType.Market, TradeSide = ProtoOATradeSide.Buy,
            Volume = 100_000, Label = label,
        });
    }
}
