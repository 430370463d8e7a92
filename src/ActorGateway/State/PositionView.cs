using ActorGateway.Protocol.Messages;

namespace ActorGateway.State;

/// <summary>
/// An open position as the mirror holds it: the server's own message (<see cref="Raw"/>, never changed once here) and
/// its fields in plain units. Volumes are kept in the protocol's 0.01 units beside <see cref="Units"/>; money is in the
/// deposit currency with the money digits applied.
/// </summary>
public sealed class PositionView
{
    private readonly int _moneyDigits;

    internal PositionView(ProtoOAPosition raw, int accountMoneyDigits)
    {
        Raw = raw;
        _moneyDigits = raw.HasMoneyDigits ? (int)raw.MoneyDigits : accountMoneyDigits;
    }

    /// <summary>The position as the server last sent it (margin and trailing-stop updates applied).</summary>
    public ProtoOAPosition Raw { get; }

    /// <summary>The position id.</summary>
    public long Id => Raw.PositionId;

    /// <summary>The symbol.</summary>
    public long SymbolId => Raw.TradeData.SymbolId;

    /// <summary>Buy or sell.</summary>
    public ProtoOATradeSide Side => Raw.TradeData.TradeSide;

    /// <summary>The open volume in 0.01 units, as the protocol counts it.</summary>
    public long Volume => Raw.TradeData.Volume;

    /// <summary>The open volume in units of the base asset.</summary>
    public decimal Units => Raw.TradeData.Volume / 100m;

    /// <summary>The volume-weighted entry price (null if the server left it out).</summary>
    public double? EntryPrice => Raw.HasPrice ? Raw.Price : null;

    /// <summary>The stop loss, if any.</summary>
    public double? StopLoss => Raw.HasStopLoss ? Raw.StopLoss : null;

    /// <summary>The take profit, if any.</summary>
    public double? TakeProfit => Raw.HasTakeProfit ? Raw.TakeProfit : null;

    /// <summary>Swap accumulated so far, in the deposit currency.</summary>
    public decimal Swap => Money.FromUnits(Raw.Swap, _moneyDigits);

    /// <summary>Commission charged so far, in the deposit currency.</summary>
    public decimal Commission => Money.FromUnits(Raw.Commission, _moneyDigits);

    /// <summary>The margin the position uses, in the deposit currency (null if never sent).</summary>
    public decimal? UsedMargin => Raw.HasUsedMargin ? Money.FromUnits((long)Raw.UsedMargin, _moneyDigits) : null;

    /// <summary>The label given to the order that opened it, if any.</summary>
    public string? Label => Raw.TradeData.HasLabel ? Raw.TradeData.Label : null;

    /// <summary>When it opened (null if the server left it out).</summary>
    public DateTimeOffset? OpenedAt => Raw.TradeData.HasOpenTimestamp ? DateTimeOffset.FromUnixTimeMilliseconds(Raw.TradeData.OpenTimestamp) : null;

    /// <inheritdoc />
    public override string ToString() => $"position {Id}: {Side} {Units} of symbol {SymbolId} at {EntryPrice}";
}
