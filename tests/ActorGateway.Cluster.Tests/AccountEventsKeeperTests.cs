using ActorGateway.Cluster.Events;
using ActorGateway.Cluster.Messages;
using ActorGateway.Cluster.Tests.Support;
using ActorGateway.Publishing;
using Akka.Actor;
using Google.Protobuf;

namespace ActorGateway.Cluster.Tests;

/// <summary>
/// The keeper on its own, between stand-ins for the region, the account's publisher and the local subscriber: one batch in
/// flight end to end, the move notice, subscribing again, and ending with the subscriber.
/// </summary>
public sealed class AccountEventsKeeperTests : IAsyncLifetime
{
    private const long Account = 3001;
    private readonly ActorSystem _system = ActorSystem.Create("keeper", "akka.loglevel = WARNING");
    private readonly TestProbe<object> _region = new();
    private readonly TestProbe<object> _subscriber = new();
    private IActorRef _regionRef = null!;
    private IActorRef _subscriberRef = null!;

    public Task InitializeAsync()
    {
        _regionRef = _system.ActorOf(ProbeActor.Props(_region), "region");
        _subscriberRef = _system.ActorOf(ProbeActor.Props(_subscriber), "subscriber");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _system.Terminate();

    [Fact]
    public async Task One_batch_is_in_flight_and_the_publisher_hears_the_ack_only_once_the_subscriber_gave_it()
    {
        var (keeper, publisher, upstream) = await SubscribedAsync("p1");

        keeper.Tell(Batch(1), publisher);
        var first = await _subscriber.ExpectAsync<EventBatch>();
        await upstream.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(200));
        keeper.Tell(EventsAck.Instance, _subscriberRef);

        Assert.IsType<EventsAck>(await upstream.ExpectAsync());
        Assert.Equal(1, SymbolOf(first));
    }

    [Fact]
    public async Task When_the_publisher_stops_the_subscriber_is_told_the_account_moved_and_the_keeper_asks_until_answered()
    {
        var (keeper, publisher, _) = await SubscribedAsync("p1");

        _system.Stop(publisher);

        var notice = Assert.Single((await _subscriber.ExpectAsync<EventBatch>()).Items).Notice;
        Assert.Equal(new EventsLost(null, GapReason.Moved), notice);
        // Sent again at once, then every retry interval while no owner answers.
        Assert.Equal(Account, (await _region.ExpectAsync<SubscribeAccount>()).AccountId);
        Assert.Equal(Account, (await _region.ExpectAsync<SubscribeAccount>()).AccountId);

        // The new owner's first batch waits until the subscriber has answered the notice.
        var upstream = new TestProbe<object>();
        var next = _system.ActorOf(ProbeActor.Props(upstream), "p2");
        keeper.Tell(new EventsSubscribed(keeper), next);
        keeper.Tell(Batch(2), next);
        await _subscriber.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(200));
        keeper.Tell(EventsAck.Instance, _subscriberRef);
        Assert.Equal(2, SymbolOf(await _subscriber.ExpectAsync<EventBatch>()));
        keeper.Tell(EventsAck.Instance, _subscriberRef);
        Assert.IsType<EventsAck>(await upstream.ExpectAsync());
    }

    [Fact]
    public async Task The_keeper_stops_with_its_subscriber_and_unsubscribes_at_the_publisher()
    {
        var (keeper, _, upstream) = await SubscribedAsync("p1");
        var stopped = keeper.WatchAsync();

        _system.Stop(_subscriberRef);

        Assert.Equal(new UnsubscribeEvents(keeper), await upstream.ExpectAsync<UnsubscribeEvents>());
        Assert.True(await stopped.OrTimeout());
    }

    // A keeper whose subscription the publisher `name` answered; the subscriber has been told.
    private async Task<(IActorRef Keeper, IActorRef Publisher, TestProbe<object> Upstream)> SubscribedAsync(string name)
    {
        var keeper = _system.ActorOf(AccountEventsKeeper.Props(_regionRef, Account, _subscriberRef, new AccountEventsOptions { Spots = [1] }));
        var subscribe = await _region.ExpectAsync<SubscribeAccount>();
        Assert.Equal((Account, keeper), (subscribe.AccountId, subscribe.Subscriber));
        var upstream = new TestProbe<object>();
        var publisher = _system.ActorOf(ProbeActor.Props(upstream), name);
        keeper.Tell(new EventsSubscribed(keeper), publisher);
        Assert.Equal(new EventsSubscribed(_subscriberRef), await _subscriber.ExpectAsync<EventsSubscribed>());
        return (keeper, publisher, upstream);
    }

    private static EventBatch Batch(long symbol) =>
        new([StreamItem.OfMessage<IMessage>(new Protocol.Messages.ProtoOASpotEvent { CtidTraderAccountId = Account, SymbolId = symbol })]);

    private static long SymbolOf(EventBatch batch) =>
        Assert.IsType<Protocol.Messages.ProtoOASpotEvent>(Assert.Single(batch.Items).Message).SymbolId;
}
