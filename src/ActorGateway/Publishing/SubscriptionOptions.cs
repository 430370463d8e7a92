namespace ActorGateway.Publishing;

/// <summary>
/// What a subscriber receives and how much may wait for it. Filters combine: an event passes when its payload type,
/// account and symbol all match (a filter left null matches everything; an event without an account or a symbol
/// passes those filters, so account-wide events such as trader updates still reach a per-symbol subscriber).
/// </summary>
public sealed class SubscriptionOptions
{
    /// <summary>The payload types wanted (default: null, those of the subscription's event type, or all for <c>IMessage</c>).</summary>
    public IReadOnlyCollection<uint>? PayloadTypes { get; init; }

    /// <summary>Only events of this trading account (default: null, every account).</summary>
    public long? AccountId { get; init; }

    /// <summary>Only events of these symbols (default: null, every symbol).</summary>
    public IReadOnlyCollection<long>? SymbolIds { get; init; }

    /// <summary>How many events may wait for the subscriber before the overflow policy applies (default: 10,000).</summary>
    public int Capacity { get; init; } = 10_000;

    /// <summary>What a full queue does (default: <see cref="OverflowPolicy.DropOldest"/>).</summary>
    public OverflowPolicy Overflow { get; init; } = OverflowPolicy.DropOldest;

    /// <summary>
    /// The trading stream's defaults: executions must not vanish, so the bound is large (1,000,000) and a full queue
    /// drops the newest event, keeping what is queued in order; the gap is still reported.
    /// </summary>
    public static SubscriptionOptions Trading(long? accountId = null) => new()
    {
        PayloadTypes = [.. EventStreams.Trading],
        AccountId = accountId,
        Capacity = 1_000_000,
        Overflow = OverflowPolicy.DropNewest,
    };

    /// <summary>The market-data stream's defaults: 10,000 events, the oldest dropped first (the newest price matters).</summary>
    public static SubscriptionOptions MarketData(long? accountId = null, IReadOnlyCollection<long>? symbolIds = null) => new()
    {
        PayloadTypes = [.. EventStreams.MarketData],
        AccountId = accountId,
        SymbolIds = symbolIds,
    };

    /// <summary>A copy that wants <paramref name="payloadTypes"/>.</summary>
    internal SubscriptionOptions WithPayloadTypes(IReadOnlyCollection<uint> payloadTypes) => new()
    {
        PayloadTypes = payloadTypes,
        AccountId = AccountId,
        SymbolIds = SymbolIds,
        Capacity = Capacity,
        Overflow = Overflow,
    };

    internal void Validate()
    {
        if (Capacity <= 0)
        {
            throw new ArgumentException("SubscriptionOptions.Capacity must be positive.", nameof(Capacity));
        }

        if (!Enum.IsDefined(Overflow))
        {
            throw new ArgumentException("SubscriptionOptions.Overflow is not a known policy.", nameof(Overflow));
        }
    }
}
