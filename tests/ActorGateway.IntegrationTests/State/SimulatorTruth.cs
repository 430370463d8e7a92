using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using ActorGateway.Session;
using ActorGateway.State;
using ActorGateway.TestKit;
using Google.Protobuf;

namespace ActorGateway.IntegrationTests.State;

/// <summary>
/// The simulator's own state, read over a connection of its own (an observer session that places nothing): its
/// reconcile, its trader, its unrealised profit, and its order books as a fresh depth subscription's first event holds
/// them. The simulator keeps its books and accounts internal, so the protocol is the way in.
/// </summary>
internal sealed class SimulatorTruth(GatewaySession observer, long accountId)
{
    public GatewaySession Observer => observer;

    public Task<ProtoOAReconcileRes> ReconcileAsync() =>
        observer.AskAsync<ProtoOAReconcileRes>(new ProtoOAReconcileReq { CtidTraderAccountId = accountId }).OrTimeout();

    public async Task<ProtoOATrader> TraderAsync() =>
        (await observer.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = accountId }).OrTimeout()).Trader;

    public Task<ProtoOAGetPositionUnrealizedPnLRes> UnrealizedPnLAsync() =>
        observer.AskAsync<ProtoOAGetPositionUnrealizedPnLRes>(new ProtoOAGetPositionUnrealizedPnLReq { CtidTraderAccountId = accountId })
            .OrTimeout();

    /// <summary>The symbol's whole book: subscribes to its depth and takes the first event, then unsubscribes.</summary>
    public async Task<IReadOnlyList<BookQuote>> BookAsync(long symbolId)
    {
        var first = new TaskCompletionSource<ProtoOADepthEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        // No symbol filter: listening before subscribing would be warned about, and the first event must not be missed.
        var options = new SubscriptionOptions { PayloadTypes = [(uint)ProtoOAPayloadType.ProtoOaDepthEvent], AccountId = accountId };
        await using var depth = observer.Subscribe<IMessage>(options, item =>
        {
            if (item.Message is ProtoOADepthEvent e && (long)e.SymbolId == symbolId)
            {
                first.TrySetResult(e);
            }
        });
        await observer.SubscribeDepthAsync(accountId, [symbolId]).OrTimeout();
        var whole = await first.Task.OrTimeout();
        await observer.UnsubscribeDepthAsync(accountId, [symbolId]).OrTimeout();
        Assert.Empty(whole.DeletedQuotes);
        return [.. whole.NewQuotes.Select(q => new BookQuote(q.Id, q.HasBid, q.HasBid ? q.Bid : q.Ask, q.Size)).OrderBy(q => q.Id)];
    }
}
