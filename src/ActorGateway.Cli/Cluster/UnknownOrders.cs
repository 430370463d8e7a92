using ActorGateway.Cli.Soak;
using ActorGateway.Cluster;
using ActorGateway.Protocol.Messages;

namespace ActorGateway.Cli.Cluster;

/// <summary>
/// Settles orders whose call could not say whether they executed, the way a trader of the cluster must: a reconcile of
/// the account through the cluster (its entity, wherever it lives now) and a look for a position with the order's label.
/// The audit then checks those verdicts against the simulator.
/// </summary>
internal static class UnknownOrders
{
    private const int Attempts = 3;

    public static async Task ResolveAsync(ClusterAccounts accounts, OrderLedger ledger, TimeSpan requestTimeout)
    {
        foreach (var account in ledger.Entries.Where(o => o.Verdict == OrderVerdict.Unknown).GroupBy(o => o.AccountId))
        {
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                try
                {
                    var snapshot = await accounts.AskAsync<ProtoOAReconcileRes>(account.Key,
                        new ProtoOAReconcileReq { CtidTraderAccountId = account.Key }, requestTimeout).ConfigureAwait(false);
                    var labels = snapshot.Position.Select(p => p.TradeData.Label).ToHashSet(StringComparer.Ordinal);
                    foreach (var order in account)
                    {
                        order.Resolve(labels.Contains(order.Label));
                    }

                    break;
                }
                catch (GatewayException e) when (e.IsTransient)
                {
                    // Another try; an account still unsettled after the last shows as unresolved in the report.
                }
            }
        }
    }
}
