using System.Globalization;
using ActorGateway.Cluster.Events;
using ActorGateway.Cluster.Tests.Support;
using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using Akka.Actor;
using Google.Protobuf;
using Xunit.Abstractions;

namespace ActorGateway.Cluster.Tests;

/// <summary>
/// An actor on a client node subscribes to the events of an account hosted on another node, and keeps receiving them,
/// after a gap that says the account moved, when that node leaves or crashes.
/// </summary>
public sealed class AccountEventsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const long Symbol = 1;
    // As generous as the failover tests': a move includes detection, hand-over and the new owner's start.
    private static readonly TimeSpan MoveBound = TestTimeouts.Dilated(TimeSpan.FromSeconds(90));
    private static readonly TimeSpan Bound = TestTimeouts.Dilated(TimeSpan.FromSeconds(30));
    private static readonly AccountEventsOptions Spots = new() { PayloadTypes = [(uint)ProtoOAPayloadType.ProtoOaSpotEvent], Spots = [Symbol] };
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestCluster.StartAsync(accounts: 3);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_subscriber_on_a_client_node_gets_spots_of_an_account_on_another_node_and_is_forgotten_when_it_stops()
    {
        var (nodes, client) = await StartAsync(accountNodes: 2, extraHocon: "");
        var account = _cluster.AccountIds[0];
        var probe = new TestProbe<object>();
        var subscriber = client.System.ActorOf(SubscriberActor.Props(probe));

        await client.Accounts.SubscribeAsync(client.System, account, subscriber, Spots).OrTimeout(Bound);

        Assert.IsType<EventsSubscribed>(await probe.ExpectAsync(Bound));
        await new ItemReader(probe).ReadUntilAsync(IsSpot(account), Bound, "a spot of the account");
        var owner = await OwnerAsync(nodes, account);
        var publisher = await PublisherAsync(owner, account);
        Assert.Equal(2, await CountAsync(publisher)); // the session actor and the subscriber's keeper

        client.System.Stop(subscriber);

        await Eventually.MatchAsync(() => CountAsync(publisher), count => count == 1, Bound, "the publisher forgetting the subscriber");
    }

    [Fact]
    public async Task The_entitys_session_actors_are_its_children()
    {
        var (nodes, _) = await StartAsync(accountNodes: 2, extraHocon: "");
        var account = _cluster.AccountIds[1];
        var owner = await OwnerAsync(nodes, account);

        var publisher = await PublisherAsync(owner, account);

        // /system/sharding/account/{shard}/{entity}/gateway-account-{id}-{n}/publisher
        var gateway = publisher.Path.Parent;
        Assert.StartsWith($"gateway-account-{account}-", gateway.Name, StringComparison.Ordinal);
        Assert.Equal(account.ToString(CultureInfo.InvariantCulture), gateway.Parent.Name);
        Assert.Equal(["system", "sharding", Hosting.AccountRegion.TypeName], gateway.Parent.Parent.Parent.Elements);
    }

    [Fact]
    public async Task A_spot_subscription_sent_in_an_envelope_is_booked_by_the_session()
    {
        var (_, client) = await StartAsync(accountNodes: 2, extraHocon: "");
        var account = _cluster.AccountIds[2];
        var subscribe = new ProtoOASubscribeSpotsReq { CtidTraderAccountId = account, SymbolId = { 2 } };

        var first = await client.Accounts.AskAsync<ProtoOASubscribeSpotsRes>(account, subscribe).OrTimeout(Bound);
        // Sent plainly a second time, the server would refuse it (already subscribed); booked, the session knows it is in force.
        var again = await client.Accounts.AskAsync<ProtoOASubscribeSpotsRes>(account, subscribe).OrTimeout(Bound);

        Assert.Equal((account, account), (first.CtidTraderAccountId, again.CtidTraderAccountId));
    }

    [Fact]
    public async Task A_subscriber_on_another_node_that_does_not_answer_stalls_only_itself()
    {
        var (_, client) = await StartAsync(accountNodes: 2, extraHocon: "");
        var account = _cluster.AccountIds[0];
        var stuck = new TestProbe<object>();
        var fast = new TestProbe<object>();
        // Never answers a batch: its keeper then never acknowledges one to the publisher.
        await client.Accounts.SubscribeAsync(client.System, account, client.System.ActorOf(ProbeActor.Props(stuck)), Spots).OrTimeout(Bound);
        await client.Accounts.SubscribeAsync(client.System, account, client.System.ActorOf(SubscriberActor.Props(fast)), Spots).OrTimeout(Bound);
        Assert.IsType<EventsSubscribed>(await stuck.ExpectAsync(Bound));
        Assert.IsType<EventBatch>(await stuck.ExpectAsync(Bound));

        // The market moves: about two ticks in three change a symbol's price.
        for (var tick = 0; tick < 30; tick++)
        {
            _cluster.Clock.Advance(TimeSpan.FromMilliseconds(500));
        }

        var reader = new ItemReader(fast);
        for (var spots = 0; spots < 5; spots++)
        {
            await reader.ReadUntilAsync(IsSpot(account), Bound, $"spot {spots + 1} for the subscriber that answers");
        }

        await stuck.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(500));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_subscriber_is_told_the_account_moved_then_gets_its_events_from_the_new_owner(bool crash)
    {
        // A crash: the system goes without leaving the cluster, so the others must detect it and the resolver down it.
        var (nodes, client) = await StartAsync(accountNodes: 3, crash ? "akka.coordinated-shutdown.run-by-actor-system-terminate = off" : "");
        var account = _cluster.AccountIds[0];
        var probe = new TestProbe<object>();
        var subscriber = client.System.ActorOf(SubscriberActor.Props(probe));
        await client.Accounts.SubscribeAsync(client.System, account, subscriber, Spots).OrTimeout(Bound);
        var reader = new ItemReader(probe);
        await reader.ReadUntilAsync(IsSpot(account), Bound, "a spot of the account");
        var owner = await OwnerAsync(nodes, account);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (crash)
        {
            await owner.System.Terminate().OrTimeout();
        }
        else
        {
            await owner.LeaveAsync();
        }

        var before = await reader.ReadUntilAsync(item => item.Notice is EventsLost { Reason: GapReason.Moved }, MoveBound,
            "the notice that the account moved");
        var told = clock.Elapsed;
        var between = await reader.ReadUntilAsync(IsSpot(account), MoveBound, "a spot from the new owner");
        output.WriteLine($"{(crash ? "crash" : "leave")}: told of the move after {told.TotalSeconds:0.0} s, spots again after " +
            $"{clock.Elapsed.TotalSeconds:0.0} s; before the notice: [{string.Join(", ", before)}], between: [{string.Join(", ", between)}]");
        Assert.DoesNotContain(between, item => item.IsMessage);
        var newOwner = await OwnerAsync(nodes.Where(n => n != owner).ToArray(), account);
        Assert.NotSame(owner, newOwner);
        await owner.DisposeAsync();
        _cluster.Forget(owner);
    }

    // Account nodes (no account starts before all joined) and a client node; every account running.
    private async Task<(ClusterNode[] Nodes, ClusterNode Client)> StartAsync(int accountNodes, string extraHocon)
    {
        var nodes = new ClusterNode[accountNodes];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = await _cluster.StartNodeAsync(((char)('a' + i)).ToString(), startAccounts: true, extraHocon: extraHocon,
                accountNodes: accountNodes);
        }

        var client = await _cluster.StartNodeAsync("client", hostsAccounts: false);
        await Eventually.MatchAsync(() => Entities.RunningOnAsync(nodes), running => running.Count == _cluster.AccountIds.Count,
            MoveBound, "every account running");
        return (nodes, client);
    }

    private static Func<StreamItem<IMessage>, bool> IsSpot(long account) =>
        item => item.Message is ProtoOASpotEvent spot && spot.CtidTraderAccountId == account && spot.SymbolId == Symbol;

    private static async Task<ClusterNode> OwnerAsync(IReadOnlyList<ClusterNode> nodes, long account)
    {
        var id = account.ToString(CultureInfo.InvariantCulture);
        foreach (var node in nodes)
        {
            if ((await Entities.RunningOnAsync(node)).Contains(id))
            {
                return node;
            }
        }

        throw new InvalidOperationException($"Account {account} runs on none of the nodes.");
    }

    private static async Task<IActorRef> PublisherAsync(ClusterNode owner, long account)
    {
        var path = $"/system/sharding/{Hosting.AccountRegion.TypeName}/*/{account}/*/publisher";
        var identity = await owner.System.ActorSelection(path).Ask<ActorIdentity>(new Identify(null), Bound);
        return identity.Subject ?? throw new InvalidOperationException($"No publisher at {path}.");
    }

    private static async Task<int> CountAsync(IActorRef publisher) =>
        (await publisher.Ask<SubscribersCounted>(CountSubscribers.Instance, Bound)).Count;
}
