using System.Collections.Concurrent;
using System.Globalization;
using ActorGateway.Cli.Soak;
using ActorGateway.Cluster;
using ActorGateway.Protocol.Messages;
using Google.Protobuf;

namespace ActorGateway.Cli.Cluster;

/// <summary>
/// The soak's traffic from the client node: requests to every account in turn, at most <see cref="ClusterSoakSettings.InFlight"/>
/// awaiting their reply, one in <see cref="ClusterSoakSettings.OrderEvery"/> a market order with a label of its own (the
/// rest ask for the trader). Every Ask is counted when sent and when it ends, so one that never ends shows. An order
/// refused before it was written is sent again under the same label, as a trader would: were "not written" ever wrong,
/// the audit would find that label executed twice.
/// </summary>
internal sealed class ClusterLoad(ClusterAccounts accounts, ClusterSoakSettings settings, string run)
{
    private readonly IReadOnlyList<long> _accounts = settings.AccountIds;
    private readonly ConcurrentDictionary<string, long> _failures = new(StringComparer.Ordinal);
    private long _sent;
    private long _ended;
    private long _replies;
    private long _untyped;
    private long _fenced;
    private long _orderAttempts;

    public OrderLedger Orders { get; } = new();

    public long Sent => Interlocked.Read(ref _sent);

    public long Ended => Interlocked.Read(ref _ended);

    public long Replies => Interlocked.Read(ref _replies);

    public long Untyped => Interlocked.Read(ref _untyped);

    /// <summary>Replies that were a <see cref="GatewayFencedException"/>: a node that lost its account's lease refused.</summary>
    public long Fenced => Interlocked.Read(ref _fenced);

    public long OrderAttempts => Interlocked.Read(ref _orderAttempts);

    /// <summary>Typed failures by outcome (the exception and what sets it apart), as the single-gateway soak names them.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Failures => [.. _failures.OrderBy(p => p.Key, StringComparer.Ordinal)];

    /// <summary>The label prefix of this run's orders, for the audit.</summary>
    public string LabelPrefix => $"cluster-{run}-";

    /// <summary>Sends until <paramref name="stop"/> fires, then waits up to the drain bound for what is still out.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var outstanding = new ConcurrentDictionary<int, Task>();
        using var window = new SemaphoreSlim(settings.InFlight, settings.InFlight);
        for (var index = 0; !stop.IsCancellationRequested; index++)
        {
            try
            {
                await window.WaitAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            var request = index;
            outstanding[request] = Task.Run(async () =>
            {
                try
                {
                    await SendAsync(request).ConfigureAwait(false);
                }
                finally
                {
                    ReleaseSlot(window);
                    outstanding.TryRemove(request, out _);
                }
            }, CancellationToken.None);
        }

        try
        {
            await Task.WhenAll(outstanding.Values).WaitAsync(settings.DrainBound, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // What is still out now is counted as unanswered by the report: Sent minus Ended.
        }
    }

    // A request that outlived the drain bound ends after the window was disposed; there is no slot left to give back.
    private static void ReleaseSlot(SemaphoreSlim window)
    {
        try
        {
            window.Release();
        }
        catch (ObjectDisposedException)
        {
            // The load is over.
        }
    }

    private async Task SendAsync(int index)
    {
        var account = _accounts[index % _accounts.Count];
        if (index % settings.OrderEvery != settings.OrderEvery - 1)
        {
            await AskAsync(account, new ProtoOATraderReq { CtidTraderAccountId = account }).ConfigureAwait(false);
            return;
        }

        var label = LabelPrefix + index.ToString(CultureInfo.InvariantCulture);
        var order = new ProtoOANewOrderReq
        {
            CtidTraderAccountId = account,
            SymbolId = 1,
            OrderType = ProtoOAOrderType.Market,
            TradeSide = index % 2 == 0 ? ProtoOATradeSide.Buy : ProtoOATradeSide.Sell,
            Volume = 100_000,
            Label = label,
            ClientOrderId = label,
        };
        Exception? error = null;
        for (var attempt = 0; attempt < settings.OrderAttempts; attempt++)
        {
            Interlocked.Increment(ref _orderAttempts);
            error = await AskAsync(account, order).ConfigureAwait(false);
            if (error is not GatewayException { IsTransient: true } transient || Verdict(transient) != OrderVerdict.Failed)
            {
                break;
            }
        }

        Orders.Record(label, account, Verdict(error));
    }

    /// <summary>One Ask, counted; returns its failure, or null for a reply.</summary>
    private async Task<Exception?> AskAsync(long account, IMessage request)
    {
        Interlocked.Increment(ref _sent);
        try
        {
            await accounts.AskAsync<IMessage>(account, request, settings.RequestTimeout).ConfigureAwait(false);
            Interlocked.Increment(ref _replies);
            return null;
        }
        catch (Exception e)
        {
            _failures.AddOrUpdate(SoakOutcome.Name(e), 1, static (_, count) => count + 1);
            if (SoakOutcome.IsUntyped(e))
            {
                Interlocked.Increment(ref _untyped);
            }

            if (e is GatewayFencedException)
            {
                Interlocked.Increment(ref _fenced);
            }

            return e;
        }
        finally
        {
            Interlocked.Increment(ref _ended);
        }
    }

    // A fenced node wrote nothing: as good as a refusal, which the single-gateway soak's verdicts do not know of.
    private static OrderVerdict Verdict(Exception? error) =>
        error is GatewayFencedException ? OrderVerdict.Failed : SoakOutcome.VerdictOf(error);
}
