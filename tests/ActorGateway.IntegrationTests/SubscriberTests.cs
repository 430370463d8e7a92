using ActorGateway.IntegrationTests.Support;
using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using ActorGateway.TestKit;
using Google.Protobuf;

namespace ActorGateway.IntegrationTests;

public sealed class SubscriberTests
{
    private static readonly long[] AllSymbols = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];

    [Fact]
    public async Task Subscriber_that_never_reads_loses_only_its_own_events_and_sees_the_gap()
    {
        await using var host = await SessionHost.StartAsync();
        host.Logs.Expect(1015);
        var session = host.CreateSession();
        // Subscribed first, so the publisher offers it each batch before the fast one sees the batch's barrier.
        await using var slow = session.Subscribe<ProtoOASpotEvent>(new SubscriptionOptions { Capacity = 5 });
        var fastSpots = new List<ProtoOASpotEvent>();
        var barriers = new TestProbe<ProtoOAReconcileRes>();
        var fastOptions = new SubscriptionOptions { PayloadTypes = [(uint)ProtoOAPayloadType.ProtoOaSpotEvent, (uint)ProtoOAPayloadType.ProtoOaReconcileRes] };
        await using var fast = session.Subscribe<IMessage>(fastOptions, item =>
        {
            switch (item.Message)
            {
                case ProtoOASpotEvent spot:
                    fastSpots.Add(spot);
                    break;
                case ProtoOAReconcileRes reconciled:
                    barriers.Tell(reconciled);
                    break;
            }
        });
        // Both readers exist before any spot can come, so the fast one sees every spot the slow one may keep.
        await session.SubscribeSpotsAsync(SessionHost.Demo1, AllSymbols).OrTimeout();

        const int ticks = 10;
        await host.AdvanceMarketAsync(session, SessionHost.Demo1, ticks);
        for (var i = 0; i < ticks; i++)
        {
            await barriers.ExpectAsync(); // the fast subscriber has seen every spot before this reconcile reply
        }

        // It now reads what it kept (the batch it was handed when it stalled, and the bound behind it), each gap
        // where it happened; together they account for every spot sent.
        Assert.True(fastSpots.Count > 10, $"only {fastSpots.Count} spots were sent");
        await using var items = slow.GetAsyncEnumerator();
        var kept = new List<ProtoOASpotEvent>();
        long lost = 0;
        while (lost + kept.Count < fastSpots.Count && await items.MoveNextAsync().AsTask().OrTimeout())
        {
            if (items.Current.Notice is EventsLost gap)
            {
                Assert.Equal(GapReason.Overflow, gap.Reason);
                lost += gap.Count!.Value;
            }
            else if (items.Current.Message is { } spot)
            {
                kept.Add(spot); // other notices (the connection coming up) are no events
            }
        }

        Assert.Equal(slow.Dropped, lost);
        // It kept the read it was handed when it stalled (its size is the socket's business) and its bound of 5 behind it.
        Assert.True(lost > 0 && kept.Count >= 5, $"{lost} lost, {kept.Count} kept of {fastSpots.Count}");
        Assert.Equal(kept, fastSpots.Where(sent => kept.Any(k => ReferenceEquals(k, sent)))); // the same instances, in the order they were sent
        Assert.Equal(fastSpots[^5..], kept[^5..]); // the newest five, the very same events
    }

    [Fact]
    public async Task Throwing_callback_affects_neither_the_connection_nor_other_subscribers()
    {
        await using var host = await SessionHost.StartAsync();
        host.Logs.Expect(1016);
        var session = host.CreateSession();
        await session.SubscribeSpotsAsync(SessionHost.Demo1, [1]).OrTimeout();
        await using var throwing = session.Subscribe<ProtoOASpotEvent>(callback: _ => throw new InvalidOperationException("bot bug"));
        var healthy = new StreamProbe();
        await using var other = session.SubscribeMarketData(SessionHost.Demo1, [1], stream => healthy.Tell(stream));

        await host.AdvanceMarketAsync(session, SessionHost.Demo1);

        Assert.Equal(1, (await healthy.MessageAsync<ProtoOASpotEvent>()).SymbolId);
        var logged = await host.Logs.WaitForAsync(e => e.EventId.Id == 1016);
        Assert.IsType<InvalidOperationException>(logged.Exception);
        Assert.True(throwing.CallbackFailures > 0);
        var trader = await session.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = SessionHost.Demo1 }).OrTimeout();
        Assert.Equal(SessionHost.Demo1, trader.Trader.CtidTraderAccountId);
    }

    [Fact]
    public async Task SubscribeMarketData_for_a_symbol_never_subscribed_warns_once_per_pair()
    {
        await using var host = await SessionHost.StartAsync();
        host.Logs.Expect(1017);
        var session = host.CreateSession();
        await session.SubscribeSpotsAsync(SessionHost.Demo1, [1]).OrTimeout();

        await using var subscribed = session.SubscribeMarketData(SessionHost.Demo1, [1]);
        await using var first = session.SubscribeMarketData(SessionHost.Demo1, [7]);
        await using var second = session.SubscribeMarketData(SessionHost.Demo1, [7]);
        await using var marker = session.SubscribeMarketData(SessionHost.Demo1, [8]);

        // The publisher handles subscriptions in order, so the warning for 8 comes after any for 1 and both for 7.
        await host.Logs.WaitForAsync(e => e.EventId.Id == 1017 && e.Message.Contains("symbol 8", StringComparison.Ordinal));
        var warnings = host.Logs.Entries.Where(e => e.EventId.Id == 1017).ToList();
        Assert.Single(warnings, e => e.Message.Contains("symbol 7", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, e => e.Message.Contains("symbol 1 ", StringComparison.Ordinal) || e.Message.EndsWith("symbol 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DisposeAsync_ends_that_stream_at_once_and_others_go_on()
    {
        await using var host = await SessionHost.StartAsync();
        var session = host.CreateSession();
        await session.SubscribeSpotsAsync(SessionHost.Demo1, [1]).OrTimeout();
        var kept = new StreamProbe();
        await using var other = session.SubscribeMarketData(SessionHost.Demo1, [1], kept.Tell);
        var disposed = session.Subscribe<ProtoOASpotEvent>();

        await disposed.DisposeAsync();

        await host.AdvanceMarketAsync(session, SessionHost.Demo1);
        Assert.Equal(1, (await kept.MessageAsync<ProtoOASpotEvent>()).SymbolId);
        await using var items = disposed.GetAsyncEnumerator();
        Assert.False(await items.MoveNextAsync().AsTask().OrTimeout()); // ended, and nothing reached it after
    }

    [Fact]
    public async Task Subscription_is_readable_with_await_foreach()
    {
        await using var host = await SessionHost.StartAsync();
        var session = host.CreateSession();
        await session.SubscribeSpotsAsync(SessionHost.Demo1, [2]).OrTimeout();
        await using var spots = session.Subscribe<ProtoOASpotEvent>(new SubscriptionOptions { AccountId = SessionHost.Demo1, SymbolIds = [2] });

        await host.AdvanceMarketAsync(session, SessionHost.Demo1);

        using var bound = new CancellationTokenSource(TestTimeouts.Default);
        await foreach (var item in spots.WithCancellation(bound.Token))
        {
            Assert.Equal(2, item.Message!.SymbolId);
            break;
        }
    }
}
