using System.Collections.Concurrent;
using ActorGateway.Protocol.Messages;
using Google.Protobuf;

namespace ActorGateway.Session;

/// <summary>
/// The market-data subscriptions the user asked for, by account: what the session renews on every new connection
/// (subscriptions belong to a connection). Changed only on the session actor's turn; <see cref="EverSubscribed"/> may be asked
/// from any thread.
/// </summary>
internal sealed class SubscriptionBook
{
    private readonly Dictionary<long, SortedSet<long>> _spots = [];
    private readonly Dictionary<long, SortedSet<long>> _depth = [];
    private readonly HashSet<(long Account, long Symbol, ProtoOATrendbarPeriod Period)> _trendbars = [];
    private readonly ConcurrentDictionary<(long Account, long Symbol), byte> _ever = new();

    public int Count => _spots.Values.Sum(s => s.Count) + _depth.Values.Sum(s => s.Count) + _trendbars.Count;

    /// <summary>Whether market data of the symbol was ever subscribed for the account (spots, trendbars or depth).</summary>
    public bool EverSubscribed(long account, long symbol) => _ever.ContainsKey((account, symbol));

    /// <summary>Records symbols; returns those not already recorded.</summary>
    public long[] AddSpots(long account, IEnumerable<long> symbols) => Add(_spots, account, symbols);

    public long[] RemoveSpots(long account, IEnumerable<long> symbols)
    {
        var removed = Remove(_spots, account, symbols);
        // The server ends a symbol's live trendbars with its spots, so the book forgets them too.
        _trendbars.RemoveWhere(t => t.Account == account && removed.Contains(t.Symbol));
        return removed;
    }

    public long[] AddDepth(long account, IEnumerable<long> symbols) => Add(_depth, account, symbols);

    public long[] RemoveDepth(long account, IEnumerable<long> symbols) => Remove(_depth, account, symbols);

    public bool AddTrendbar(long account, long symbol, ProtoOATrendbarPeriod period)
    {
        _ever.TryAdd((account, symbol), 0);
        return _trendbars.Add((account, symbol, period));
    }

    public bool RemoveTrendbar(long account, long symbol, ProtoOATrendbarPeriod period) => _trendbars.Remove((account, symbol, period));

    /// <summary>
    /// The requests that renew every subscription of <paramref name="account"/>, in the order the server needs: spots
    /// first (live trendbars ride on them), then trendbars, then depth.
    /// </summary>
    public IEnumerable<IMessage> RenewalsFor(long account)
    {
        if (_spots.TryGetValue(account, out var spots) && spots.Count > 0)
        {
            yield return new ProtoOASubscribeSpotsReq { CtidTraderAccountId = account, SymbolId = { spots } };
        }

        foreach (var (_, symbol, period) in _trendbars.Where(t => t.Account == account).OrderBy(t => (t.Symbol, t.Period)))
        {
            yield return new ProtoOASubscribeLiveTrendbarReq { CtidTraderAccountId = account, SymbolId = symbol, Period = period };
        }

        if (_depth.TryGetValue(account, out var depth) && depth.Count > 0)
        {
            yield return new ProtoOASubscribeDepthQuotesReq { CtidTraderAccountId = account, SymbolId = { depth } };
        }
    }

    /// <summary>
    /// Applies a subscription request to the book, narrowing its symbols to those that change it (asking twice for a
    /// symbol is then no error); returns how to undo it, or null when it changes nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The request is no subscription request.</exception>
    public Action? Record(IMessage request)
    {
        switch (request)
        {
            case ProtoOASubscribeSpotsReq spots:
                return Narrow(AddSpots(spots.CtidTraderAccountId, spots.SymbolId), s => RemoveSpots(spots.CtidTraderAccountId, s), spots.SymbolId);
            case ProtoOAUnsubscribeSpotsReq spots:
                return Narrow(RemoveSpots(spots.CtidTraderAccountId, spots.SymbolId), s => AddSpots(spots.CtidTraderAccountId, s), spots.SymbolId);
            case ProtoOASubscribeDepthQuotesReq depth:
                return Narrow(AddDepth(depth.CtidTraderAccountId, depth.SymbolId), s => RemoveDepth(depth.CtidTraderAccountId, s), depth.SymbolId);
            case ProtoOAUnsubscribeDepthQuotesReq depth:
                return Narrow(RemoveDepth(depth.CtidTraderAccountId, depth.SymbolId), s => AddDepth(depth.CtidTraderAccountId, s), depth.SymbolId);
            case ProtoOASubscribeLiveTrendbarReq bar:
                return AddTrendbar(bar.CtidTraderAccountId, bar.SymbolId, bar.Period)
                    ? () => RemoveTrendbar(bar.CtidTraderAccountId, bar.SymbolId, bar.Period)
                    : null;
            case ProtoOAUnsubscribeLiveTrendbarReq bar:
                return RemoveTrendbar(bar.CtidTraderAccountId, bar.SymbolId, bar.Period)
                    ? () => AddTrendbar(bar.CtidTraderAccountId, bar.SymbolId, bar.Period)
                    : null;
            default:
                throw new ArgumentException($"{request.Descriptor.Name} is not a subscription request.", nameof(request));
        }
    }

    /// <summary>Forgets everything of an account (it can no longer be used).</summary>
    public void Forget(long account)
    {
        _spots.Remove(account);
        _depth.Remove(account);
        _trendbars.RemoveWhere(t => t.Account == account);
    }

    private long[] Add(Dictionary<long, SortedSet<long>> book, long account, IEnumerable<long> symbols)
    {
        if (!book.TryGetValue(account, out var set))
        {
            set = [];
            book[account] = set;
        }

        var added = symbols.Where(set.Add).ToArray();
        foreach (var symbol in added)
        {
            _ever.TryAdd((account, symbol), 0);
        }

        return added;
    }

    private static long[] Remove(Dictionary<long, SortedSet<long>> book, long account, IEnumerable<long> symbols) =>
        book.TryGetValue(account, out var set) ? symbols.Where(set.Remove).ToArray() : [];

    private static Action? Narrow(long[] changed, Func<long[], long[]> reverse, Google.Protobuf.Collections.RepeatedField<long> sent)
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
