namespace ActorGateway.Publishing;

/// <summary>A subscriber's filter, frozen when it subscribes.</summary>
internal sealed class SubscriptionFilter
{
    private readonly HashSet<uint>? _payloadTypes;
    private readonly HashSet<long>? _symbolIds;

    public SubscriptionFilter(IEnumerable<uint>? payloadTypes, long? accountId, IEnumerable<long>? symbolIds)
    {
        _payloadTypes = payloadTypes is null ? null : [.. payloadTypes];
        AccountId = accountId;
        _symbolIds = symbolIds is null ? null : [.. symbolIds];
    }

    public long? AccountId { get; }

    public IReadOnlySet<long>? SymbolIds => _symbolIds;

    /// <summary>True when the filter looks at accounts or symbols, so the event's keys must be read.</summary>
    public bool NeedsKeys => AccountId is not null || _symbolIds is not null;

    public bool WantsType(uint payloadType) => _payloadTypes is null || _payloadTypes.Contains(payloadType);

    public bool WantsAnyOf(IReadOnlySet<uint> payloadTypes) => _payloadTypes is null || _payloadTypes.Overlaps(payloadTypes);

    public bool WantsKeys(long? account, long? symbol) =>
        (AccountId is null || account is null || account == AccountId)
        && (_symbolIds is null || symbol is null || _symbolIds.Contains(symbol.Value));
}
