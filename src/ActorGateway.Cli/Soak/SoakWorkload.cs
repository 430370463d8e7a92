using ActorGateway.Protocol.Messages;
using ActorGateway.Session;

namespace ActorGateway.Cli.Soak;

/// <summary>The kinds of request a soak sends.</summary>
internal enum SoakRequestKind
{
    Version,
    Symbols,
    Trendbars,
    MarketOrder,
}

/// <summary>
/// The soak's mix, fixed by the request's index so every run sends the same sequence: in each 20, 7 version requests,
/// 4 symbol lists, 7 trendbar histories and 2 market orders, on the two accounts in turn. Every order carries a label of
/// its own (also its clientOrderId), by which the server's executions are counted afterwards.
/// </summary>
internal static class SoakWorkload
{
    private const int SymbolCount = 13;
    private static readonly TimeSpan History = TimeSpan.FromMinutes(30);

    public static SoakRequestKind KindOf(int index) => (index % 20) switch
    {
        0 or 10 => SoakRequestKind.MarketOrder,
        <= 7 => SoakRequestKind.Version,
        <= 12 => SoakRequestKind.Symbols,
        _ => SoakRequestKind.Trendbars,
    };

    public static long AccountOf(int index) => SoakExchange.Accounts[(index / 20) % SoakExchange.Accounts.Count];

    /// <summary>The label of the order sent as request <paramref name="index"/>.</summary>
    public static string LabelOf(string run, int index) => $"soak-{run}-{index}";

    /// <summary>
    /// Sends request <paramref name="index"/> and completes with its reply, or fails as the session fails it. No token:
    /// every request must end by itself, which is what the soak checks.
    /// </summary>
    public static Task SendAsync(IGatewaySession session, string run, int index)
    {
        var account = AccountOf(index);
        var symbol = 1 + (index % SymbolCount);
        switch (KindOf(index))
        {
            case SoakRequestKind.Version:
                return session.GetVersionAsync();
            case SoakRequestKind.Symbols:
                // The extension on purpose: the session's own GetSymbolsAsync answers from its cache after the first call.
                return GatewayClientExtensions.GetSymbolsAsync(session, account);
            case SoakRequestKind.Trendbars:
                var to = DateTimeOffset.UtcNow;
                return session.GetTrendbarsAsync(account, symbol, ProtoOATrendbarPeriod.M1, to - History, to);
            default:
                var label = LabelOf(run, index);
                return session.PlaceOrderAsync(new ProtoOANewOrderReq
                {
                    CtidTraderAccountId = account,
                    SymbolId = symbol,
                    OrderType = ProtoOAOrderType.Market,
                    TradeSide = index % 40 < 20 ? ProtoOATradeSide.Buy : ProtoOATradeSide.Sell,
                    Volume = MinimumVolume(symbol),
                    Label = label,
                    ClientOrderId = label,
                });
        }
    }

    // The smallest volume each of the simulator's symbols takes (FX 1,000 units, gold 1 oz, the index 0.1, crypto 0.01).
    private static long MinimumVolume(long symbol) => symbol switch
    {
        <= 9 => 100_000,
        10 => 100,
        11 => 10,
        _ => 1,
    };
}
