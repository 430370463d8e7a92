using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Tests.Support;
using static ActorGateway.Simulator.Tests.Support.SimulatorHost;

namespace ActorGateway.Simulator.Tests;

public sealed class ReferenceDataTests
{
    [Fact]
    public async Task SymbolsList_has_a_dozen_symbols_of_every_kind_and_archived_ones_on_request()
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync();

        await client.SendAsync(new ProtoOASymbolsListReq { CtidTraderAccountId = Demo1 }, "list");
        var plain = await client.ExpectAsync<ProtoOASymbolsListRes>("list");
        await client.SendAsync(new ProtoOASymbolsListReq { CtidTraderAccountId = Demo1, IncludeArchivedSymbols = true }, "all");
        var withArchived = await client.ExpectAsync<ProtoOASymbolsListRes>("all");
        await client.SendAsync(new ProtoOASymbolCategoryListReq { CtidTraderAccountId = Demo1 }, "cats");
        var categories = await client.ExpectAsync<ProtoOASymbolCategoryListRes>("cats");

        Assert.True(plain.Symbol.Count >= 12);
        Assert.Empty(plain.ArchivedSymbol);
        Assert.NotEmpty(withArchived.ArchivedSymbol);
        var names = plain.Symbol.Select(s => s.SymbolName).ToHashSet();
        Assert.Superset(new HashSet<string> { "EURUSD", "USDJPY", "XAUUSD", "US500", "BTCUSD" }, names);
        Assert.Equal(categories.SymbolCategory.Select(c => c.Id).Order(), plain.Symbol.Select(s => s.SymbolCategoryId).Distinct().Order());
    }

    [Theory]
    [InlineData(1, 5, 4)]
    [InlineData(3, 3, 2)]
    [InlineData(10, 2, 1)]
    public async Task SymbolById_gives_realistic_digits_and_pip_positions(long symbolId, int digits, int pipPosition)
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync();

        await client.SendAsync(new ProtoOASymbolByIdReq { CtidTraderAccountId = Demo1, SymbolId = { symbolId } }, "sym");
        var symbol = (await client.ExpectAsync<ProtoOASymbolByIdRes>("sym")).Symbol.Single();

        Assert.Equal((symbolId, digits, pipPosition), (symbol.SymbolId, symbol.Digits, symbol.PipPosition));
        Assert.True(symbol.MinVolume > 0 && symbol.StepVolume > 0 && symbol.MinVolume % symbol.StepVolume == 0);
        Assert.True(symbol.LotSize > symbol.MinVolume);
    }

    [Fact]
    public async Task SymbolsForConversion_links_two_assets_through_a_chain_of_symbols()
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync();
        await client.SendAsync(new ProtoOAAssetListReq { CtidTraderAccountId = Demo1 }, "assets");
        var assets = (await client.ExpectAsync<ProtoOAAssetListRes>("assets")).Asset.ToDictionary(a => a.Name, a => a.AssetId);

        await client.SendAsync(new ProtoOASymbolsForConversionReq { CtidTraderAccountId = Demo1, FirstAssetId = assets["GBP"],
            LastAssetId = assets["JPY"] }, "conv");
        var chain = (await client.ExpectAsync<ProtoOASymbolsForConversionRes>("conv")).Symbol;

        Assert.Equal(2, chain.Count);
        Assert.Contains(assets["GBP"], new[] { chain[0].BaseAssetId, chain[0].QuoteAssetId });
        Assert.Contains(assets["JPY"], new[] { chain[1].BaseAssetId, chain[1].QuoteAssetId });
    }

    [Fact]
    public async Task AssetClassList_and_Trader_describe_the_account()
    {
        await using var host = await StartAsync(o =>
            o.Credentials.Accounts = [new AccountOptions { AccountId = Demo1, Balance = 1234.56m, Leverage = 50, MoneyDigits = 2 }]);
        var client = await host.AuthorizedAsync();

        await client.SendAsync(new ProtoOAAssetClassListReq { CtidTraderAccountId = Demo1 }, "classes");
        var classes = await client.ExpectAsync<ProtoOAAssetClassListRes>("classes");
        await client.SendAsync(new ProtoOATraderReq { CtidTraderAccountId = Demo1 }, "trader");
        var trader = (await client.ExpectAsync<ProtoOATraderRes>("trader")).Trader;

        Assert.Equal(4, classes.AssetClass.Count);
        Assert.Equal((123456L, 5000u, 2u), (trader.Balance, trader.LeverageInCents, trader.MoneyDigits));
    }
}
