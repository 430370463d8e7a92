using ActorGateway.Actors;
using ActorGateway.Diagnostics;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using ActorGateway.TestKit;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Google.Protobuf;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorGateway.Tests.Publishing;

public sealed class GatewaySubscriptionTests : Akka.TestKit.Xunit2.TestKit
{
    private readonly PublisherSink _sink = new();
    private readonly GatewayMetrics _metrics = new("subscription-tests");
    private readonly IActorRef _publisher;

    public GatewaySubscriptionTests()
    {
        _publisher = Sys.ActorOf(PublisherActor.Props(_sink.Subscribers, null, _metrics, NullLoggerFactory.Instance));
        _sink.Attach(_publisher);
    }

    [Fact]
    public async Task Stream_is_read_in_order_across_batches_with_await_foreach()
    {
        await using var spots = GatewaySubscription<ProtoOASpotEvent>.Stream(_publisher, null);
        await SubscribedAsync(1);

        Publish(1, 2);
        Publish(3);
        Publish(4, 5, 6);

        Assert.Equal([1L, 2, 3, 4, 5, 6], await ReadSymbolsAsync(spots, 6));
    }

    [Fact]
    public async Task Stream_of_a_type_sees_only_events_of_that_type()
    {
        await using var depth = GatewaySubscription<ProtoOADepthEvent>.Stream(_publisher, null);
        await SubscribedAsync(1);

        Publish(1);
        _publisher.Tell(new InboundEvents([Message(new ProtoOADepthEvent { CtidTraderAccountId = 1, SymbolId = 9 })]));

        await foreach (var item in depth.WithCancellation(Bound()))
        {
            Assert.Equal(9UL, (ulong)item.Message!.SymbolId);
            break;
        }
    }

    [Fact]
    public async Task AsSource_runs_the_same_stream_through_Akka_Streams()
    {
        await using var spots = GatewaySubscription<ProtoOASpotEvent>.Stream(_publisher, null);
        await SubscribedAsync(1);

        var taking = spots.AsSource().Take(3).Select(i => i.Message!.SymbolId).RunWith(Sink.Seq<long>(), Sys.Materializer());
        Publish(7, 8);
        Publish(9);

        Assert.Equal([7L, 8, 9], await taking.OrTimeout());
    }

    [Fact]
    public async Task AsSource_completes_when_the_subscription_is_disposed_after_what_it_already_had()
    {
        var spots = GatewaySubscription<ProtoOASpotEvent>.Stream(_publisher, null);
        await SubscribedAsync(1);
        var seen = new TestProbe<long>();
        var running = spots.AsSource().RunForeach(i => seen.Tell(i.Message!.SymbolId), Sys.Materializer());
        Publish(4);
        Assert.Equal(4, await seen.ExpectAsync());

        await spots.DisposeAsync();

        await running.OrTimeout();
    }

    [Fact]
    public async Task AsSource_run_a_second_time_fails_that_stream_since_the_subscription_is_one_stream()
    {
        await using var spots = GatewaySubscription<ProtoOASpotEvent>.Stream(_publisher, null);
        await SubscribedAsync(1);
        var first = spots.AsSource().Take(1).Select(i => i.Message!.SymbolId).RunWith(Sink.First<long>(), Sys.Materializer());
        Publish(5);
        Assert.Equal(5, await first.OrTimeout());

        var second = spots.AsSource().RunWith(Sink.Ignore<StreamItem<ProtoOASpotEvent>>(), Sys.Materializer());

        await Assert.ThrowsAsync<InvalidOperationException>(() => second.OrTimeout());
    }

    [Fact]
    public async Task AsBatchSource_gives_each_batch_whole_and_in_order()
    {
        await using var spots = GatewaySubscription<ProtoOASpotEvent>.Stream(_publisher, null);
        await SubscribedAsync(1);
        var batches = new TestProbe<long[]>();
        var running = spots.AsBatchSource().RunForeach(b => batches.Tell([.. b.Select(i => i.Message!.SymbolId)]), Sys.Materializer());

        Publish(1, 2, 3);
        var first = await batches.ExpectAsync();
        Assert.Equal([1L, 2, 3], first);
        Publish(4);
        var second = await batches.ExpectAsync();
        Assert.Equal([4L], second);

        await spots.DisposeAsync();
        await running.OrTimeout();
    }

    [Fact]
    public async Task AsBatchSource_and_AsSource_share_the_one_stream_so_the_second_to_run_fails()
    {
        await using var spots = GatewaySubscription<ProtoOASpotEvent>.Stream(_publisher, null);
        await SubscribedAsync(1);
        var first = spots.AsBatchSource().Take(1).Select(b => b.Count).RunWith(Sink.First<int>(), Sys.Materializer());
        Publish(5, 6);
        Assert.Equal(2, await first.OrTimeout());

        var second = spots.AsSource().RunWith(Sink.Ignore<StreamItem<ProtoOASpotEvent>>(), Sys.Materializer());

        await Assert.ThrowsAsync<InvalidOperationException>(() => second.OrTimeout());
    }

    [Fact]
    public void A_batch_is_a_read_only_typed_view_of_the_items_it_was_given()
    {
        var spot = new ProtoOASpotEvent { CtidTraderAccountId = 1, SymbolId = 3 };
        var notice = new EventsLost(2, GapReason.Overflow);
        StreamItem<IMessage>[] items = [new(spot, null), new(null, notice)];

        var batch = new StreamBatch<ProtoOASpotEvent>(items);

        Assert.Equal(2, batch.Count);
        Assert.Same(spot, batch[0].Message);
        Assert.Same(notice, batch[1].Notice);
        Assert.Equal([true, false], batch.Select(i => i.IsMessage));
    }

    [Fact]
    public async Task Callback_async_handles_items_one_at_a_time_in_order()
    {
        var seen = new List<long>();
        var inside = 0;
        var overlapped = false;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var spots = GatewaySubscription<ProtoOASpotEvent>.Callback(_publisher, null, async item =>
        {
            overlapped |= Interlocked.Increment(ref inside) > 1;
            await Task.Yield();
            seen.Add(item.Message!.SymbolId);
            Interlocked.Decrement(ref inside);
            if (seen.Count == 5)
            {
                done.SetResult();
            }
        }, NullLogger.Instance);
        await SubscribedAsync(1);

        Publish(1, 2, 3);
        Publish(4, 5);

        await done.Task.OrTimeout();
        Assert.False(overlapped);
        Assert.Equal([1L, 2, 3, 4, 5], seen);
    }

    [Fact]
    public async Task Callback_that_throws_is_counted_and_the_stream_goes_on()
    {
        var after = new TestProbe<long>();
        await using var spots = GatewaySubscription<ProtoOASpotEvent>.Callback(_publisher, null, item =>
        {
            if (item.Message!.SymbolId == 1)
            {
                throw new InvalidOperationException("bot bug");
            }

            after.Tell(item.Message.SymbolId);
            return ValueTask.CompletedTask;
        }, NullLogger.Instance);
        await SubscribedAsync(1);

        Publish(1, 2);

        Assert.Equal(2, await after.ExpectAsync());
        Assert.Equal(1, spots.CallbackFailures);
    }

    [Fact]
    public async Task DisposeAsync_ends_the_stream_and_the_publisher_forgets_the_reader()
    {
        var spots = GatewaySubscription<ProtoOASpotEvent>.Stream(_publisher, null);
        await SubscribedAsync(1);
        var reading = ReadSymbolsAsync(spots, int.MaxValue);

        await spots.DisposeAsync();

        Assert.Empty(await reading.OrTimeout());
        AwaitAssert(() => Assert.Equal(0, _sink.Subscribers.Value));
    }

    [Fact]
    public void Stream_with_invalid_options_throws_at_once()
    {
        Assert.Throws<ArgumentException>(() => GatewaySubscription<ProtoOASpotEvent>.Stream(_publisher, new SubscriptionOptions { Capacity = -1 }));
    }

    [Fact]
    public async Task GetAsyncEnumerator_a_second_reader_is_refused()
    {
        await using var spots = GatewaySubscription<ProtoOASpotEvent>.Stream(_publisher, null);
        await using var first = spots.GetAsyncEnumerator();

        Assert.Throws<InvalidOperationException>(() => spots.GetAsyncEnumerator());
    }

    protected override void Dispose(bool disposing)
    {
        _metrics.Dispose();
        base.Dispose(disposing);
    }

    private async Task SubscribedAsync(int count)
    {
        // The publisher adds readers in order; a round trip after the last makes sure it is in.
        await _publisher.Ask<ActorIdentity>(new Identify(null)).OrTimeout();
        Assert.Equal(count, _sink.Subscribers.Value);
    }

    private void Publish(params long[] symbols) =>
        _publisher.Tell(new InboundEvents([.. symbols.Select(s => Message(new ProtoOASpotEvent { CtidTraderAccountId = 1, SymbolId = s }))]));

    private static async Task<List<long>> ReadSymbolsAsync(GatewaySubscription<ProtoOASpotEvent> spots, int count)
    {
        var symbols = new List<long>();
        await foreach (var item in spots.WithCancellation(Bound()))
        {
            symbols.Add(item.Message!.SymbolId);
            if (symbols.Count == count)
            {
                break;
            }
        }

        return symbols;
    }

    private static CancellationToken Bound() => new CancellationTokenSource(TestTimeouts.Default).Token;

    private static OpenApiMessage Message(IMessage message) =>
        new(Protocol.Registry.PayloadRegistry.Of(message).PayloadType, message, null);
}
