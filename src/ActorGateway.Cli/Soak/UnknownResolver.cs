using System.Threading.Channels;
using ActorGateway.Protocol.Messages;
using ActorGateway.Session;

namespace ActorGateway.Cli.Soak;

/// <summary>
/// Learns where unknown orders stand the way a trader must: a reconcile of the account through the session, which holds
/// the request until it is restored, and a look for a position with the order's label. Orders that turn unknown while a
/// reconcile is out wait for the next one, so each outage costs one reconcile per account, not one per order.
/// </summary>
internal sealed class UnknownResolver
{
    private const int Attempts = 5;

    private readonly IGatewaySession _session;
    private readonly Channel<OrderEntry> _queue = Channel.CreateUnbounded<OrderEntry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private long _reconciles;
    private long _failedReconciles;

    public UnknownResolver(IGatewaySession session)
    {
        _session = session;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Reconciles made (successful ones).</summary>
    public long Reconciles => Interlocked.Read(ref _reconciles);

    /// <summary>Reconcile attempts that failed (another cut, a timeout) and were tried again.</summary>
    public long FailedReconciles => Interlocked.Read(ref _failedReconciles);

    public void Add(OrderEntry unknown) => _queue.Writer.TryWrite(unknown);

    /// <summary>Resolves what is queued and stops; false if that took longer than <paramref name="bound"/>.</summary>
    public async Task<bool> FinishAsync(TimeSpan bound)
    {
        _queue.Writer.TryComplete();
        try
        {
            await _loop.WaitAsync(bound).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task RunAsync()
    {
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var batch = new List<OrderEntry>();
            while (_queue.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            foreach (var account in batch.GroupBy(entry => entry.AccountId))
            {
                if (await ReconcileAsync(account.Key).ConfigureAwait(false) is not { } snapshot)
                {
                    continue; // left unresolved, and reported so
                }

                var labels = snapshot.Position.Select(p => p.TradeData.Label).ToHashSet(StringComparer.Ordinal);
                foreach (var entry in account)
                {
                    entry.Resolve(labels.Contains(entry.Label));
                }
            }
        }
    }

    private async Task<ProtoOAReconcileRes?> ReconcileAsync(long accountId)
    {
        // Each attempt is bounded by the session's request timeout; a cut during one is answered by another.
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            try
            {
                var snapshot = await _session.ReconcileAsync(accountId).ConfigureAwait(false);
                Interlocked.Increment(ref _reconciles);
                return snapshot;
            }
            catch (GatewayException e) when (e.IsTransient)
            {
                Interlocked.Increment(ref _failedReconciles);
            }
        }

        return null;
    }
}
