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

    /// <summary>Settles every account's unknown orders at once; each account is bounded by its attempts, each attempt by
    /// the request timeout, so an account that never answers costs only its own time.</summary>
    public static Task ResolveAsync(ClusterAccounts accounts, OrderLedger ledger, TimeSpan requestTimeout,
        CancellationToken cancellationToken) =>
        Task.WhenAll(ledger.Entries.Where(o => o.Verdict == OrderVerdict.Unknown).GroupBy(o => o.AccountId)
            .Select(account => ResolveAccountAsync(accounts, account.Key, [.. account], requestTimeout, cancellationToken)));

    private static async Task ResolveAccountAsync(ClusterAccounts accounts, long accountId, IReadOnlyList<OrderEntry> unknown,
        TimeSpan requestTimeout, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            try
            {
                var snapshot = await accounts.AskAsync<ProtoOAReconcileRes>(accountId,
                    new ProtoOAReconcileReq { CtidTraderAccountId = accountId }, requestTimeout, cancellationToken).ConfigureAwait(false);
                var labels = snapshot.Position.Select(p => p.TradeData.Label).ToHashSet(StringComparer.Ordinal);
                foreach (var order in unknown)
                {
                    order.Resolve(labels.Contains(order.Label));
                }

                return;
            }
            catch (GatewayException e) when (e.IsTransient)
            {
                // Another try; an account still unsettled after the last shows as unresolved in the report.
            }
        }
    }
}
