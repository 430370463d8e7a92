using ActorGateway.Protocol.Messages;

namespace ActorGateway.Simulator.ReferenceData;

/// <summary>
/// The fixed reference data: assets, asset classes, categories and a dozen symbols of different kinds with the digits,
/// pip positions and volume rules a real cTrader broker uses for them. Deposit currency is USD (asset 2).
/// </summary>
internal static class Catalog
{
    public const long Usd = 2;

    public static IReadOnlyList<ProtoOAAsset> Assets { get; } =
    [
        Asset(1, "EUR", 2), Asset(2, "USD", 2), Asset(3, "GBP", 2), Asset(4, "JPY", 0), Asset(5, "CHF", 2), Asset(6, "AUD", 2),
        Asset(7, "CAD", 2), Asset(8, "NZD", 2), Asset(9, "XAU", 2), Asset(10, "US500", 2), Asset(11, "BTC", 8), Asset(12, "ETH", 8),
    ];

    public static IReadOnlyList<ProtoOAAssetClass> AssetClasses { get; } =
    [
        new() { Id = 1, Name = "Forex", SortingNumber = 1 }, new() { Id = 2, Name = "Metals", SortingNumber = 2 },
        new() { Id = 3, Name = "Indices", SortingNumber = 3 }, new() { Id = 4, Name = "Crypto", SortingNumber = 4 },
    ];

    public static IReadOnlyList<ProtoOASymbolCategory> Categories { get; } =
    [
        new() { Id = 1, AssetClassId = 1, Name = "Majors", SortingNumber = 1 },
        new() { Id = 2, AssetClassId = 1, Name = "Crosses", SortingNumber = 2 },
        new() { Id = 3, AssetClassId = 2, Name = "Spot Metals", SortingNumber = 3 },
        new() { Id = 4, AssetClassId = 3, Name = "Indices", SortingNumber = 4 },
        new() { Id = 5, AssetClassId = 4, Name = "Cryptocurrencies", SortingNumber = 5 },
    ];

    // FX: a lot is 100,000 units, the minimum 1,000 units (0.01 lot) in steps of 1,000. Gold: a lot is 100 oz, minimum 1 oz.
    // The index: a lot is 1 contract, minimum 0.1. Crypto: a lot is 1 coin, minimum 0.01.
    public static IReadOnlyList<SymbolSpec> Symbols { get; } =
    [
        Fx(1, "EURUSD", 1, 2, 1, 1.08500, 8, "Euro vs US Dollar"),
        Fx(2, "GBPUSD", 3, 2, 1, 1.26500, 12, "British Pound vs US Dollar"),
        Fx(3, "USDJPY", 2, 4, 1, 151.200, 10, "US Dollar vs Japanese Yen", digits: 3),
        Fx(4, "USDCHF", 2, 5, 1, 0.88500, 14, "US Dollar vs Swiss Franc"),
        Fx(5, "AUDUSD", 6, 2, 1, 0.65500, 10, "Australian Dollar vs US Dollar"),
        Fx(6, "USDCAD", 2, 7, 1, 1.36000, 15, "US Dollar vs Canadian Dollar"),
        Fx(7, "NZDUSD", 8, 2, 1, 0.60500, 16, "New Zealand Dollar vs US Dollar"),
        Fx(8, "EURJPY", 1, 4, 2, 164.050, 18, "Euro vs Japanese Yen", digits: 3),
        Fx(9, "EURGBP", 1, 3, 2, 0.85800, 12, "Euro vs British Pound"),
        new(10, "XAUUSD", 9, 2, 3, 2, 1, 10_000, 100, 100, 1_000_000, 2350.00, 25, "Gold vs US Dollar"),
        new(11, "US500", 10, 2, 4, 2, 0, 100, 10, 10, 100_000, 5200.00, 50, "US 500 Index"),
        new(12, "BTCUSD", 11, 2, 5, 2, 0, 100, 1, 1, 10_000, 65000.00, 3500, "Bitcoin vs US Dollar"),
        new(13, "ETHUSD", 12, 2, 5, 2, 1, 100, 1, 1, 100_000, 3400.00, 250, "Ethereum vs US Dollar"),
    ];

    public static SymbolSpec? FindSymbol(long symbolId) => symbolId >= 1 && symbolId <= Symbols.Count ? Symbols[(int)symbolId - 1] : null;

    public static ProtoOALightSymbol ToLight(SymbolSpec s) => new()
    {
        SymbolId = s.Id, SymbolName = s.Name, Enabled = true, BaseAssetId = s.BaseAssetId, QuoteAssetId = s.QuoteAssetId,
        SymbolCategoryId = s.CategoryId, Description = s.Description, SortingNumber = s.Id,
    };

    public static ProtoOASymbol ToFull(SymbolSpec s) => new()
    {
        SymbolId = s.Id, Digits = s.Digits, PipPosition = s.PipPosition, EnableShortSelling = true, LotSize = s.LotSize,
        MinVolume = s.MinVolume, StepVolume = s.StepVolume, MaxVolume = s.MaxVolume, TradingMode = ProtoOATradingMode.Enabled,
        SwapLong = -0.5, SwapShort = 0.2, SwapRollover3Days = ProtoOADayOfWeek.Wednesday, ScheduleTimeZone = "UTC",
        CommissionType = ProtoOACommissionType.UsdPerMillionUsd, PreciseTradingCommissionRate = 0, SlDistance = 0, TpDistance = 0,
        DistanceSetIn = ProtoOASymbolDistanceType.SymbolDistanceInPoints,

        // Open around the clock: one interval covering the whole week.
        Schedule = { new ProtoOAInterval { StartSecond = 0, EndSecond = 604_800 } },
    };

    private static SymbolSpec Fx(long id, string name, long baseAsset, long quoteAsset, long category, double price, int spread,
        string description, int digits = 5) =>
        new(id, name, baseAsset, quoteAsset, category, digits, digits - 1, 10_000_000, 100_000, 100_000, 1_000_000_000, price, spread,
            description);

    private static ProtoOAAsset Asset(long id, string name, int digits) =>
        new() { AssetId = id, Name = name, DisplayName = name, Digits = digits };
}
