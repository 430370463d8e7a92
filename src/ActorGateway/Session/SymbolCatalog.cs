using System.Collections.Concurrent;
using ActorGateway.Protocol.Messages;

namespace ActorGateway.Session;

/// <summary>
/// The symbols and assets of each account, asked for once and kept: the light symbol list and the asset list (name ↔
/// id both ways), and the full details of each symbol used. A <c>ProtoOASymbolChangedEvent</c> drops what it names (and
/// the account's list), so the next call asks again. Callers share one request per item; a failed request is not kept.
/// </summary>
internal sealed class SymbolCatalog(IGatewayRequester requester)
{
    private readonly ConcurrentDictionary<long, Task<ProtoOASymbolsListRes>> _lists = new();
    private readonly ConcurrentDictionary<long, Task<ProtoOAAssetListRes>> _assets = new();
    private readonly ConcurrentDictionary<(long Account, long Symbol), Task<ProtoOASymbol>> _details = new();

    public Task<ProtoOASymbolsListRes> ListAsync(long accountId) =>
        Cached(_lists, accountId, id => requester.AskAsync<ProtoOASymbolsListRes>(new ProtoOASymbolsListReq { CtidTraderAccountId = id }));

    public Task<ProtoOAAssetListRes> AssetsAsync(long accountId) =>
        Cached(_assets, accountId, id => requester.AskAsync<ProtoOAAssetListRes>(new ProtoOAAssetListReq { CtidTraderAccountId = id }));

    public Task<ProtoOASymbol> DetailsAsync(long accountId, long symbolId) =>
        Cached(_details, (accountId, symbolId), key => FetchOneAsync(key.Item1, key.Item2));

    /// <summary>Forgets the account's list and the named symbols' details.</summary>
    public void Invalidate(long accountId, IEnumerable<long> symbolIds)
    {
        _lists.TryRemove(accountId, out _);
        foreach (var symbol in symbolIds)
        {
            _details.TryRemove((accountId, symbol), out _);
        }
    }

    private async Task<ProtoOASymbol> FetchOneAsync(long accountId, long symbolId)
    {
        var reply = await requester.AskAsync<ProtoOASymbolByIdRes>(
            new ProtoOASymbolByIdReq { CtidTraderAccountId = accountId, SymbolId = { symbolId } }).ConfigureAwait(false);
        return reply.Symbol.FirstOrDefault(s => s.SymbolId == symbolId)
            ?? throw new ArgumentException($"Account {accountId} has no symbol {symbolId}.", nameof(symbolId));
    }

    private static Task<TValue> Cached<TKey, TValue>(ConcurrentDictionary<TKey, Task<TValue>> cache, TKey key, Func<TKey, Task<TValue>> fetch)
        where TKey : notnull
    {
        var task = cache.GetOrAdd(key, fetch);
        // A failure is not remembered: the entry goes (unless already replaced), so the next caller asks again.
        _ = task.ContinueWith(t => ((ICollection<KeyValuePair<TKey, Task<TValue>>>)cache).Remove(new(key, t)),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }
}
