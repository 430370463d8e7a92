using ActorGateway.Protocol.Messages;

namespace ActorGateway.Session;

public sealed partial class GatewaySession
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ProtoOALightSymbol>> GetSymbolsAsync(long accountId, CancellationToken cancellationToken = default) =>
        (await Symbols.ListAsync(accountId).WaitAsync(cancellationToken).ConfigureAwait(false)).Symbol;

    /// <inheritdoc />
    public async Task<long> GetSymbolIdAsync(long accountId, string name, CancellationToken cancellationToken = default)
    {
        var symbols = await GetSymbolsAsync(accountId, cancellationToken).ConfigureAwait(false);
        return symbols.FirstOrDefault(s => string.Equals(s.SymbolName, name, StringComparison.OrdinalIgnoreCase))?.SymbolId
            ?? throw new ArgumentException($"Account {accountId} has no symbol named '{name}'.", nameof(name));
    }

    /// <inheritdoc />
    public async Task<string> GetSymbolNameAsync(long accountId, long symbolId, CancellationToken cancellationToken = default)
    {
        var symbols = await GetSymbolsAsync(accountId, cancellationToken).ConfigureAwait(false);
        return symbols.FirstOrDefault(s => s.SymbolId == symbolId)?.SymbolName
            ?? throw new ArgumentException($"Account {accountId} has no symbol {symbolId}.", nameof(symbolId));
    }

    /// <inheritdoc />
    public Task<ProtoOASymbol> GetSymbolAsync(long accountId, long symbolId, CancellationToken cancellationToken = default) =>
        Symbols.DetailsAsync(accountId, symbolId).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProtoOAAsset>> GetAssetsAsync(long accountId, CancellationToken cancellationToken = default) =>
        (await Symbols.AssetsAsync(accountId).WaitAsync(cancellationToken).ConfigureAwait(false)).Asset;

    /// <inheritdoc />
    public async Task<long> GetAssetIdAsync(long accountId, string name, CancellationToken cancellationToken = default)
    {
        var assets = await GetAssetsAsync(accountId, cancellationToken).ConfigureAwait(false);
        return assets.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))?.AssetId
            ?? throw new ArgumentException($"Account {accountId} has no asset named '{name}'.", nameof(name));
    }

    /// <inheritdoc />
    public async Task<string> GetAssetNameAsync(long accountId, long assetId, CancellationToken cancellationToken = default)
    {
        var assets = await GetAssetsAsync(accountId, cancellationToken).ConfigureAwait(false);
        return assets.FirstOrDefault(a => a.AssetId == assetId)?.Name
            ?? throw new ArgumentException($"Account {accountId} has no asset {assetId}.", nameof(assetId));
    }
}
