using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;

namespace ActorGateway.Cluster.Events;

/// <summary>
/// What a subscriber of an account's events on any node receives, and the market data the account's owner subscribes for
/// it. The market data goes through the owner's session book, so the session renews it after each of its reconnects, and
/// a new owner after a move subscribes it again when the subscriber's keeper renews the subscription.
/// </summary>
public sealed class AccountEventsOptions
{
    /// <summary>The payload types wanted (default: null, every event of the account).</summary>
    public IReadOnlyCollection<uint>? PayloadTypes { get; init; }

    /// <summary>Only events of these symbols (default: null, every symbol; account-wide events still pass).</summary>
    public IReadOnlyCollection<long>? SymbolIds { get; init; }

    /// <summary>How many events may wait for the subscriber at the publisher before the overflow policy applies (default 10,000).</summary>
    public int Capacity { get; init; } = 10_000;

    /// <summary>What a full queue does (default: <see cref="OverflowPolicy.DropOldest"/>).</summary>
    public OverflowPolicy Overflow { get; init; } = OverflowPolicy.DropOldest;

    /// <summary>Symbols whose spots the account's owner subscribes (default none).</summary>
    public IReadOnlyCollection<long> Spots { get; init; } = [];

    /// <summary>Symbols whose depth quotes the account's owner subscribes (default none).</summary>
    public IReadOnlyCollection<long> Depth { get; init; } = [];

    /// <summary>Live trendbars the account's owner subscribes (default none); their symbols' spots must be in <see cref="Spots"/>.</summary>
    public IReadOnlyCollection<LiveTrendbar> LiveTrendbars { get; init; } = [];

    /// <summary>The publisher's options for this account.</summary>
    internal SubscriptionOptions ForAccount(long accountId) => new()
    {
        PayloadTypes = PayloadTypes,
        AccountId = accountId,
        SymbolIds = SymbolIds,
        Capacity = Capacity,
        Overflow = Overflow,
    };

    /// <summary>The session's subscription requests, in the order the server needs (spots before the trendbars riding on them).</summary>
    internal IEnumerable<Google.Protobuf.IMessage> MarketDataRequests(long accountId)
    {
        if (Spots.Count > 0)
        {
            yield return new ProtoOASubscribeSpotsReq { CtidTraderAccountId = accountId, SymbolId = { Spots } };
        }

        foreach (var bar in LiveTrendbars)
        {
            yield return new ProtoOASubscribeLiveTrendbarReq { CtidTraderAccountId = accountId, SymbolId = bar.SymbolId, Period = bar.Period };
        }

        if (Depth.Count > 0)
        {
            yield return new ProtoOASubscribeDepthQuotesReq { CtidTraderAccountId = accountId, SymbolId = { Depth } };
        }
    }

    /// <summary>Checks the settings on the subscriber's node, so the account's owner never has to refuse them.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (Capacity <= 0)
        {
            throw new ArgumentException("AccountEventsOptions.Capacity must be positive.", nameof(Capacity));
        }

        if (!Enum.IsDefined(Overflow))
        {
            throw new ArgumentException("AccountEventsOptions.Overflow is not a known policy.", nameof(Overflow));
        }

        if (LiveTrendbars.Any(b => !Spots.Contains(b.SymbolId)))
        {
            throw new ArgumentException("AccountEventsOptions.LiveTrendbars need their symbols' spots in Spots.", nameof(LiveTrendbars));
        }
    }
}

/// <summary>A live trendbar of one symbol and period.</summary>
/// <param name="SymbolId">The symbol.</param>
/// <param name="Period">The bar's period.</param>
public sealed record LiveTrendbar(long SymbolId, ProtoOATrendbarPeriod Period);
