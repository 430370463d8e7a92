namespace ActorGateway.State;

/// <summary>
/// A mirrored account at one moment: open positions, working orders, balance and unrealised profit, immutable.
/// </summary>
/// <param name="AccountId">The account.</param>
/// <param name="InSync">
/// False while the mirror loads, and after a gap until the reconcile and the trader have been applied again.
/// </param>
/// <param name="Balance">The balance in the deposit currency (null until the trader is known).</param>
/// <param name="MoneyDigits">The account's money digits (2 until the trader is known).</param>
/// <param name="Positions">Open positions, by id.</param>
/// <param name="Orders">Working orders, by id.</param>
/// <param name="UnrealizedPnL">
/// Gross unrealised profit per position id, in the deposit currency, at the last spot of its symbol; only positions
/// whose symbol's spots are subscribed (and whose quote currency converts to the deposit currency) have one.
/// </param>
public sealed record AccountSnapshot(
    long AccountId,
    bool InSync,
    decimal? Balance,
    int MoneyDigits,
    IReadOnlyList<PositionView> Positions,
    IReadOnlyList<OrderView> Orders,
    IReadOnlyDictionary<long, decimal> UnrealizedPnL)
{
    /// <summary>Balance plus the unrealised profit of every position; null unless all of it is known.</summary>
    public decimal? Equity =>
        Balance is { } balance && Positions.All(p => UnrealizedPnL.ContainsKey(p.Id)) ? balance + UnrealizedPnL.Values.Sum() : null;
}
