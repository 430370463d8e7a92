using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Tests.Support;
using Google.Protobuf;
using static ActorGateway.Simulator.Tests.Support.SimulatorHost;

namespace ActorGateway.Simulator.Tests;

public sealed class MarketDataTests
{
    private static readonly long[] AllSymbols = Enumerable.Range(1, 13).Select(i => (long)i).ToArray();

    [Fact]
    public async Task SubscribeSpots_answers_then_sends_a_snapshot_then_updates_until_unsubscribed()
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync();

        await client.SendAsync(new ProtoOASubscribeSpotsReq { CtidTraderAccountId = Demo1, SymbolId = { 1 } }, "sub");
        await client.ExpectAsync<ProtoOASubscribeSpotsRes>("sub");
        var snapshot = await client.ExpectAsync<ProtoOASpotEvent>();
        var updates = (await host.AdvanceTicksAsync(client, 20)).OfType<ProtoOASpotEvent>().ToList();
        await client.SendAsync(new ProtoOAUnsubscribeSpotsReq { CtidTraderAccountId = Demo1, SymbolId = { 1 } }, "unsub");
        await client.ExpectAsync<ProtoOAUnsubscribeSpotsRes>("unsub");
        var afterUnsubscribe = await host.AdvanceTicksAsync(client, 10);

        Assert.Equal(1, snapshot.SymbolId);
        Assert.True(snapshot.Ask > snapshot.Bid);
        Assert.NotEmpty(updates);
        Assert.All(updates, u => Assert.Equal(1, u.SymbolId));
        Assert.Contains(updates, u => u.Bid != snapshot.Bid);
        Assert.Empty(afterUnsubscribe);
    }

    [Fact]
    public async Task Spot_subscription_mistakes_get_their_error_codes()
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync();

        await client.SendAsync(new ProtoOASubscribeSpotsReq { CtidTraderAccountId = Demo1, SymbolId = { 999 } }, "unknown");
        var unknown = await client.ExpectAsync<ProtoOAErrorRes>("unknown");
        await client.SendAsync(new ProtoOAUnsubscribeSpotsReq { CtidTraderAccountId = Demo1, SymbolId = { 1 } }, "not-yet");
        var notSubscribed = await client.ExpectAsync<ProtoOAErrorRes>("not-yet");
        await client.SendAsync(new ProtoOASubscribeSpotsReq { CtidTraderAccountId = Demo1, SymbolId = { 1 } }, "sub");
        await client.ExpectAsync<ProtoOASubscribeSpotsRes>("sub");
        await client.ExpectAsync<ProtoOASpotEvent>();
        await client.SendAsync(new ProtoOASubscribeSpotsReq { CtidTraderAccountId = Demo1, SymbolId = { 1 } }, "twice");

        Assert.Equal("SYMBOL_NOT_FOUND", unknown.ErrorCode);
        Assert.Equal("NOT_SUBSCRIBED_TO_SPOTS", notSubscribed.ErrorCode);
        Assert.Equal("ALREADY_SUBSCRIBED", (await client.ExpectAsync<ProtoOAErrorRes>("twice")).ErrorCode);
    }

    [Fact]
    public async Task Same_seed_replays_the_same_prices_and_another_seed_does_not()
    {
        var first = await SpotsAsync(seed: 7);
        var again = await SpotsAsync(seed: 7);
        var other = await SpotsAsync(seed: 8);

        Assert.True(first.Count > 20);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Live_trendbar_needs_a_spot_subscription_and_then_rides_in_SpotEvents()
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync();
        var trendbar = new ProtoOASubscribeLiveTrendbarReq { CtidTraderAccountId = Demo1, SymbolId = 1, Period = ProtoOATrendbarPeriod.M1 };

        await client.SendAsync(trendbar, "early");
        var refused = await client.ExpectAsync<ProtoOAErrorRes>("early");
        await client.SendAsync(new ProtoOASubscribeSpotsReq { CtidTraderAccountId = Demo1, SymbolId = { 1 } }, "sub");
        await client.ExpectAsync<ProtoOASubscribeSpotsRes>("sub");
        await client.ExpectAsync<ProtoOASpotEvent>();
        await client.SendAsync(trendbar, "bars");
        await client.ExpectAsync<ProtoOASubscribeLiveTrendbarRes>("bars");
        await client.SendAsync(trendbar, "twice");
        var duplicate = await client.ExpectAsync<ProtoOAErrorRes>("twice");
        var spots = (await host.AdvanceTicksAsync(client, 10)).OfType<ProtoOASpotEvent>().ToList();

        Assert.Equal("NOT_SUBSCRIBED_TO_SPOTS", refused.ErrorCode);
        Assert.Equal("ALREADY_SUBSCRIBED", duplicate.ErrorCode);
        var bar = spots.Last().Trendbar.Single();
        Assert.Equal(ProtoOATrendbarPeriod.M1, bar.Period);
        Assert.Equal((ulong)bar.Low + bar.DeltaClose, spots.Last().Bid);
        Assert.Equal((uint)(host.Time.GetUtcNow().ToUnixTimeSeconds() / 60), bar.UtcTimestampInMinutes);
    }

    [Fact]
    public async Task Depth_subscription_sends_the_book_then_incremental_new_and_deleted_quotes()
    {
        await using var host = await StartAsync(o => o.Market.DepthLevels = 3);
        var client = await host.AuthorizedAsync();

        await client.SendAsync(new ProtoOASubscribeDepthQuotesReq { CtidTraderAccountId = Demo1, SymbolId = { 1 } }, "depth");
        await client.ExpectAsync<ProtoOASubscribeDepthQuotesRes>("depth");
        var book = (await client.ExpectAsync<ProtoOADepthEvent>()).NewQuotes.ToDictionary(q => q.Id);
        var updates = (await host.AdvanceTicksAsync(client, 10)).OfType<ProtoOADepthEvent>().ToList();

        Assert.Equal(6, book.Count);
        Assert.Equal(3, book.Values.Count(q => q.HasBid));
        Assert.NotEmpty(updates);
        foreach (var update in updates)
        {
            Assert.All(update.DeletedQuotes, id => Assert.True(book.Remove(id), $"quote {id} deleted but never added"));
            update.NewQuotes.ToList().ForEach(q => book.Add(q.Id, q));
            Assert.Equal(6, book.Count);
        }
    }

    [Theory]
    [InlineData(ProtoOATrendbarPeriod.M1, 302_400_000)]
    [InlineData(ProtoOATrendbarPeriod.H1, 21_168_000_000)]
    [InlineData(ProtoOATrendbarPeriod.D1, 31_622_400_000)]
    public async Task GetTrendbars_beyond_the_period_span_limit_gets_INCORRECT_BOUNDARIES(ProtoOATrendbarPeriod period, long maxSpan)
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync();
        var to = host.Time.GetUtcNow().ToUnixTimeMilliseconds();

        await client.SendAsync(Bars(period, to - maxSpan, to), "ok");
        var allowed = await client.ExpectAsync<ProtoOAGetTrendbarsRes>("ok");
        await client.SendAsync(Bars(period, to - maxSpan - 60_000, to), "too-long");

        Assert.NotEmpty(allowed.Trendbar);
        Assert.Equal("INCORRECT_BOUNDARIES", (await client.ExpectAsync<ProtoOAErrorRes>("too-long")).ErrorCode);
    }

    [Fact]
    public async Task GetTrendbars_pages_with_hasMore_and_honours_count()
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync();
        var to = host.Time.GetUtcNow().ToUnixTimeMilliseconds();

        await client.SendAsync(Bars(ProtoOATrendbarPeriod.M1, to - 302_400_000, to), "page");
        var page = await client.ExpectAsync<ProtoOAGetTrendbarsRes>("page");
        var oldest = (long)page.Trendbar[0].UtcTimestampInMinutes * 60_000;
        await client.SendAsync(Bars(ProtoOATrendbarPeriod.M1, to - 302_400_000, oldest - 1), "next");
        var next = await client.ExpectAsync<ProtoOAGetTrendbarsRes>("next");
        var counted = Bars(ProtoOATrendbarPeriod.M1, to - 3_600_000, to);
        counted.Count = 10;
        await client.SendAsync(counted, "count");
        var ten = await client.ExpectAsync<ProtoOAGetTrendbarsRes>("count");

        Assert.True(page.HasMore);
        Assert.False(next.HasMore);
        Assert.Equal(5040, page.Trendbar.Count + next.Trendbar.Count);
        Assert.True(next.Trendbar.Last().UtcTimestampInMinutes < page.Trendbar[0].UtcTimestampInMinutes);
        Assert.Equal(10, ten.Trendbar.Count);
        Assert.Equal(page.Trendbar.Last(), ten.Trendbar.Last());
    }

    [Fact]
    public async Task GetTickData_is_newest_first_delta_encoded_and_paged()
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync();
        var to = host.Time.GetUtcNow().ToUnixTimeMilliseconds();

        await client.SendAsync(new ProtoOAGetTickDataReq
        {
            CtidTraderAccountId = Demo1, SymbolId = 1, Type = ProtoOAQuoteType.Bid, FromTimestamp = to - 7_200_000, ToTimestamp = to,
        }, "ticks");
        var res = await client.ExpectAsync<ProtoOAGetTickDataRes>("ticks");

        Assert.True(res.HasMore);
        Assert.InRange(res.TickData[0].Timestamp, to - 60_000, to);
        Assert.All(res.TickData.Skip(1), t => Assert.True(t.Timestamp < 0));
        var price = 0L;
        foreach (var tick in res.TickData)
        {
            price += tick.Tick;
            Assert.InRange(price, 90_000, 130_000);
        }
    }

    private static ProtoOAGetTrendbarsReq Bars(ProtoOATrendbarPeriod period, long from, long to) =>
        new() { CtidTraderAccountId = Demo1, SymbolId = 1, Period = period, FromTimestamp = from, ToTimestamp = to };

    private static async Task<List<(long, ulong, ulong)>> SpotsAsync(int seed)
    {
        await using var host = await StartAsync(o => o.Seed = seed);
        var client = await host.AuthorizedAsync();
        await client.SendAsync(new ProtoOASubscribeSpotsReq { CtidTraderAccountId = Demo1, SymbolId = { AllSymbols } }, "sub");
        var (_, snapshots) = await client.CollectUntilAsync<ProtoOASubscribeSpotsRes>();
        List<IMessage> seen = [.. snapshots, .. await host.AdvanceTicksAsync(client, 5)];
        return [.. seen.OfType<ProtoOASpotEvent>().Select(s => (s.SymbolId, s.Bid, s.Ask))];
    }
}
