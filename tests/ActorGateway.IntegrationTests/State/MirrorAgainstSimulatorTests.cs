using ActorGateway.IntegrationTests.Support;
using ActorGateway.Protocol.Messages;
using ActorGateway.Session;
using ActorGateway.State;
using ActorGateway.TestKit;

namespace ActorGateway.IntegrationTests.State;

/// <summary>
/// A scripted trading session against the simulator — fills, a partial close, a stop loss and a take profit hit by the
/// market, a limit order amended and cancelled, one filled by the market, and a reconnect during which a position
/// closes — after which the mirror and the books must equal the simulator's own state exactly. Market moves are
/// synchronised through the observer's connection, so the mirrored session sees no reconcile it did not need: its
/// positions and orders come from applying events, except across the reconnect, where the reconcile is the point.
/// </summary>
public sealed class MirrorAgainstSimulatorTests
{
    private const long Account = SessionHost.Demo1;
    private const long EurUsd = 1;
    private const long GbpUsd = 2;
    private const long Lot = 100_000; // 1,000 units, the symbols' minimum
    private const double Point = 0.00001;

    [Fact]
    public async Task Scripted_session_with_a_reconnect_leaves_mirror_and_books_equal_to_the_simulator()
    {
        await using var host = await SessionHost.StartAsync();
        host.Logs.Expect(1003); // connection attempts refused while the listener is down
        var session = host.CreateSession();
        var truth = new SimulatorTruth(host.CreateSession(), Account);
        await session.SubscribeSpotsAsync(Account, [EurUsd]).OrTimeout();
        var mirror = await session.MirrorAccountAsync(Account).OrTimeout();
        var books = new[] { await session.OpenOrderBookAsync(Account, EurUsd).OrTimeout(), await session.OpenOrderBookAsync(Account, GbpUsd).OrTimeout() };
        var changes = new ChangeProbe();
        var bookChanges = new ChangeProbe();
        using var watch = await mirror.WatchAsync(changes.Add).OrTimeout();
        using var bookWatch = await books[0].WatchAsync(bookChanges.Add).OrTimeout();
        Assert.Equal(10_000m, (await mirror.GetSnapshotAsync().OrTimeout()).Balance);

        // A fill, then half of it closed: a partial fill of the position, with the profit booked.
        var first = await OpenAsync(session, changes, ProtoOATradeSide.Buy, 2 * Lot);
        await session.ClosePositionAsync(Account, first, Lot).OrTimeout();
        var halved = await changes.NextAsync<PositionChanged>(c => c.Position.Id == first);
        Assert.Equal(Lot, halved.Position.Volume);

        // A stop loss one point under the entry: the bid is already below it, so the next move of the symbol closes it.
        var stopped = await OpenAsync(session, changes, ProtoOATradeSide.Buy, Lot, relativeStopLoss: 1);

        // A limit order amended, then cancelled; another left working; a third above the market, filled by the next move.
        var amended = await PlaceLimitAsync(session, changes, 1.0);
        await session.AmendOrderAsync(Account, amended, a => a.LimitPrice = 1.01).OrTimeout();
        Assert.Equal(1.01, (await changes.NextAsync<OrderChanged>(c => c.Order.Id == amended && c.Kind == OrderChangeKind.Replaced)).Order.LimitPrice);
        await session.CancelOrderAsync(Account, amended).OrTimeout();
        await changes.NextAsync<OrderChanged>(c => c.Order.Id == amended && c.Kind == OrderChangeKind.Cancelled);
        await PlaceLimitAsync(session, changes, 1.0);
        var marketable = await PlaceLimitAsync(session, changes, 2.0);

        // A take profit one point above the bid, moved up with the market until the market reaches it.
        var profited = await OpenAsync(session, changes, ProtoOATradeSide.Buy, Lot);
        await MoveMarketUntilAsync(host, truth, session, mirror, books[0], async snapshot =>
        {
            if (snapshot.Positions.Any(p => p.Id == profited))
            {
                var bid = (await books[0].GetSnapshotAsync(1).OrTimeout()).BestBid!.Value.Price;
                await session.AmendPositionProtectionAsync(Account, profited, null, (double)bid + Point).OrTimeout();
                return false;
            }

            return snapshot.Positions.All(p => p.Id != stopped) && snapshot.Orders.All(o => o.Id != marketable);
        });
        await changes.SeenAsync(c => c is OrderChanged { Kind: OrderChangeKind.Filled, Order.Id: var id } && id == marketable);
        await changes.SeenAsync(c => c is PositionClosed { Source: ChangeSource.Event, Position.Id: var id } && id == stopped);
        await changes.SeenAsync(c => c is PositionClosed { Source: ChangeSource.Event, Position.Id: var id } && id == profited);

        // A reconnect: while the listener is down, the market moves and closes a position at its stop loss unseen.
        var closedUnseen = await OpenAsync(session, changes, ProtoOATradeSide.Buy, Lot, relativeStopLoss: 1);
        var balanceBefore = (await mirror.GetSnapshotAsync().OrTimeout()).Balance;
        await host.Server.Faults.StopListenerAsync();
        host.Server.Faults.DropAllConnections();
        await changes.NextAsync<MirrorOutOfSync>();
        await bookChanges.NextAsync<BookCleared>();
        for (var i = 0; i < 20; i++)
        {
            host.MarketTime.Advance(SessionHost.Tick);
        }

        await host.Server.Faults.StartListenerAsync();
        var closed = await changes.NextAsync<PositionClosed>(c => c.Position.Id == closedUnseen);
        Assert.Equal(ChangeSource.Reconcile, closed.Source);
        var balance = await changes.NextAsync<BalanceChanged>();
        Assert.Equal((ChangeSource.Reconcile, balanceBefore), (balance.Source, balance.Previous));
        await changes.NextAsync<MirrorInSync>();
        Assert.True((await bookChanges.NextAsync<BookUpdated>()).Rebuilt);

        // Trading goes on after the restore.
        await OpenAsync(session, changes, ProtoOATradeSide.Sell, Lot);
        await host.AdvanceMarketAsync(truth.Observer, Account, ticks: 3);

        await AssertEqualToSimulatorAsync(mirror, books, truth);
    }

    private static async Task AssertEqualToSimulatorAsync(AccountMirror mirror, OrderBook[] books, SimulatorTruth truth)
    {
        await mirror.CatchUpAsync().OrTimeout();
        var mirrored = await mirror.GetSnapshotAsync().OrTimeout();
        var reconcile = await truth.ReconcileAsync();
        var trader = await truth.TraderAsync();
        Assert.True(mirrored.InSync);
        Assert.Equal(reconcile.Position.OrderBy(p => p.PositionId), mirrored.Positions.Select(p => p.Raw));
        Assert.Equal(reconcile.Order.OrderBy(o => o.OrderId), mirrored.Orders.Select(o => o.Raw));
        Assert.NotEmpty(mirrored.Positions);
        Assert.NotEmpty(mirrored.Orders);
        Assert.Equal(Money.FromUnits(trader.Balance, (int)trader.MoneyDigits), mirrored.Balance);

        var pnl = await truth.UnrealizedPnLAsync();
        Assert.Equal(mirrored.Positions.Count, mirrored.UnrealizedPnL.Count);
        foreach (var expected in pnl.PositionUnrealizedPnL)
        {
            var actual = mirrored.UnrealizedPnL[expected.PositionId];
            Assert.InRange(actual, Money.FromUnits(expected.GrossUnrealizedPnL - 1, 2), Money.FromUnits(expected.GrossUnrealizedPnL + 1, 2));
        }

        foreach (var book in books)
        {
            await book.CatchUpAsync().OrTimeout();
            var kept = await book.GetSnapshotAsync(withQuotes: true).OrTimeout();
            var whole = await truth.BookAsync(book.SymbolId);
            Assert.True(kept.IsLive);
            Assert.Equal(whole, kept.Quotes);
            Assert.Equal(0, kept.RejectedQuotes);
            Assert.Equal(whole.Where(q => q.IsBid).Max(q => q.RawPrice), kept.BestBid!.Value.RawPrice);
            Assert.Equal(whole.Where(q => !q.IsBid).Min(q => q.RawPrice), kept.BestAsk!.Value.RawPrice);
            Assert.Equal(whole.Count(q => q.IsBid), kept.Bids.Sum(l => l.Quotes));
        }
    }

    /// <summary>Moves the market a tick at a time until <paramref name="done"/> says so of the caught-up mirror (at most 500 ticks).</summary>
    private static async Task MoveMarketUntilAsync(SessionHost host, SimulatorTruth truth, GatewaySession session, AccountMirror mirror,
        OrderBook book, Func<AccountSnapshot, Task<bool>> done)
    {
        for (var tick = 0; tick < 500; tick++)
        {
            await mirror.CatchUpAsync().OrTimeout();
            await book.CatchUpAsync().OrTimeout();
            if (await done(await mirror.GetSnapshotAsync().OrTimeout()))
            {
                return;
            }

            await host.AdvanceMarketAsync(truth.Observer, Account, ticks: 1);
        }

        Assert.Fail($"The market did not do what the script needs within 500 ticks of session {session.Reconnects}.");
    }

    private static async Task<long> OpenAsync(GatewaySession session, ChangeProbe changes, ProtoOATradeSide side, long volume,
        long? relativeStopLoss = null)
    {
        var order = new ProtoOANewOrderReq
        {
            CtidTraderAccountId = Account, SymbolId = EurUsd, OrderType = ProtoOAOrderType.Market, TradeSide = side, Volume = volume,
        };
        if (relativeStopLoss is { } stop)
        {
            order.RelativeStopLoss = stop;
        }

        var accepted = await session.PlaceOrderAsync(order).OrTimeout();
        var filled = await changes.NextAsync<OrderChanged>(c => c.Order.Id == accepted.Order.OrderId && c.Kind == OrderChangeKind.Filled);
        var opened = await changes.NextAsync<PositionOpened>(c => c.Position.Id == filled.Order.Raw.PositionId);
        Assert.Equal((ChangeSource.Event, volume), (opened.Source, opened.Position.Volume));
        return opened.Position.Id;
    }

    private static async Task<long> PlaceLimitAsync(GatewaySession session, ChangeProbe changes, double price)
    {
        var accepted = await session.PlaceLimitOrderAsync(Account, EurUsd, ProtoOATradeSide.Buy, Lot, price).OrTimeout();
        await changes.NextAsync<OrderChanged>(c => c.Order.Id == accepted.Order.OrderId && c.Kind == OrderChangeKind.Accepted);
        return accepted.Order.OrderId;
    }
}
