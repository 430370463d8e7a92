using ActorGateway.Protocol.Messages;
using Google.Protobuf;

namespace ActorGateway.Session;

internal sealed partial class SessionActor
{
    /// <summary>
    /// Records a subscription change in the book, then sends it. The book holds what the user wants, so a change made
    /// while the connection is down is not lost: the next restore applies it and completes the caller. A change the
    /// server refuses is taken out of the book again.
    /// </summary>
    private async Task OnChangeSubscriptionAsync(ChangeSubscription change)
    {
        var undo = Record(change.Request);
        if (undo is null)
        {
            change.Waiter.TrySetResult(); // nothing new to ask for
            return;
        }

        if (_phase != Phase.Ready)
        {
            _afterRestore.Add(change.Waiter);
            return;
        }

        try
        {
            await AskAsync<IMessage>(change.Request).ConfigureAwait(false);
            change.Waiter.TrySetResult();
        }
        catch (GatewayConnectionException)
        {
            _afterRestore.Add(change.Waiter);
        }
        catch (GatewayException e)
        {
            undo();
            change.Waiter.TrySetException(e);
        }
    }

    /// <summary>Applies a request to the book; returns how to undo it, or null when it changes nothing.</summary>
    private Action? Record(IMessage request)
    {
        switch (request)
        {
            case ProtoOASubscribeSpotsReq spots:
                return Changed(_book.AddSpots(spots.CtidTraderAccountId, spots.SymbolId), s => _book.RemoveSpots(spots.CtidTraderAccountId, s),
                    spots.SymbolId);
            case ProtoOAUnsubscribeSpotsReq spots:
                return Changed(_book.RemoveSpots(spots.CtidTraderAccountId, spots.SymbolId), s => _book.AddSpots(spots.CtidTraderAccountId, s),
                    spots.SymbolId);
            case ProtoOASubscribeDepthQuotesReq depth:
                return Changed(_book.AddDepth(depth.CtidTraderAccountId, depth.SymbolId), s => _book.RemoveDepth(depth.CtidTraderAccountId, s),
                    depth.SymbolId);
            case ProtoOAUnsubscribeDepthQuotesReq depth:
                return Changed(_book.RemoveDepth(depth.CtidTraderAccountId, depth.SymbolId), s => _book.AddDepth(depth.CtidTraderAccountId, s),
                    depth.SymbolId);
            case ProtoOASubscribeLiveTrendbarReq bar:
                return _book.AddTrendbar(bar.CtidTraderAccountId, bar.SymbolId, bar.Period)
                    ? () => _book.RemoveTrendbar(bar.CtidTraderAccountId, bar.SymbolId, bar.Period)
                    : null;
            case ProtoOAUnsubscribeLiveTrendbarReq bar:
                return _book.RemoveTrendbar(bar.CtidTraderAccountId, bar.SymbolId, bar.Period)
                    ? () => _book.AddTrendbar(bar.CtidTraderAccountId, bar.SymbolId, bar.Period)
                    : null;
            default:
                throw new ArgumentException($"{request.Descriptor.Name} is not a subscription request.", nameof(request));
        }
    }

    /// <summary>
    /// Sends only the symbols that changed the book, so asking twice for a symbol is not an error (the server would say
    /// ALREADY_SUBSCRIBED); null when none did.
    /// </summary>
    private static Action? Changed(long[] changed, Func<long[], long[]> reverse, Google.Protobuf.Collections.RepeatedField<long> sent)
    {
        if (changed.Length == 0)
        {
            return null;
        }

        sent.Clear();
        sent.Add(changed);
        return () => reverse(changed);
    }
}
