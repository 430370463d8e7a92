using ActorGateway.Protocol.Messages;

namespace ActorGateway.State;

/// <summary>
/// A working (pending) order as the mirror holds it: the server's own message (<see cref="Raw"/>, never changed once
/// here) and its fields in plain units.
/// </summary>
public sealed class OrderView
{
    internal OrderView(ProtoOAOrder raw)
    {
        Raw = raw;
    }

    /// <summary>The order as the server last sent it.</summary>
    public ProtoOAOrder Raw { get; }

    /// <summary>The order id.</summary>
    public long Id => Raw.OrderId;

    /// <summary>The symbol.</summary>
    public long SymbolId => Raw.TradeData.SymbolId;

    /// <summary>Buy or sell.</summary>
    public ProtoOATradeSide Side => Raw.TradeData.TradeSide;

    /// <summary>Limit, stop, stop-limit...</summary>
    public ProtoOAOrderType Type => Raw.OrderType;

    /// <summary>Its status (accepted while it works).</summary>
    public ProtoOAOrderStatus Status => Raw.OrderStatus;

    /// <summary>The volume in 0.01 units, as the protocol counts it.</summary>
    public long Volume => Raw.TradeData.Volume;

    /// <summary>The volume in units of the base asset.</summary>
    public decimal Units => Raw.TradeData.Volume / 100m;

    /// <summary>How much has been filled, in 0.01 units (0 when nothing yet).</summary>
    public long ExecutedVolume => Raw.HasExecutedVolume ? Raw.ExecutedVolume : 0;

    /// <summary>The limit price, if it has one.</summary>
    public double? LimitPrice => Raw.HasLimitPrice ? Raw.LimitPrice : null;

    /// <summary>The stop price, if it has one.</summary>
    public double? StopPrice => Raw.HasStopPrice ? Raw.StopPrice : null;

    /// <summary>The client order id given when it was placed, if any.</summary>
    public string? ClientOrderId => Raw.HasClientOrderId ? Raw.ClientOrderId : null;

    /// <inheritdoc />
    public override string ToString() => $"order {Id}: {Type} {Side} {Units} of symbol {SymbolId}";
}
