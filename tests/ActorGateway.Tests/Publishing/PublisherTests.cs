using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using ActorGateway.TestKit;
using Google.Protobuf;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorGateway.Tests.Publishing;

public sealed class PublisherTests
{
    [Fact]
    public async Task OnMessage_filters_by_type_account_and_symbol()
    {
        await using var publisher = new Publisher((_, _) => true, NullLogger.Instance);
        var probe = new TestProbe<long>();
        await using var spots = publisher.Subscribe<ProtoOASpotEvent>(new SubscriptionOptions { AccountId = 1, SymbolIds = [5] },
            item => probe.Tell(item.Message!.SymbolId * 100 + item.Message.CtidTraderAccountId));

        Publish(publisher, new ProtoOASpotEvent { CtidTraderAccountId = 2, SymbolId = 5 });
        Publish(publisher, new ProtoOASpotEvent { CtidTraderAccountId = 1, SymbolId = 6 });
        Publish(publisher, new ProtoOADepthEvent { CtidTraderAccountId = 1, SymbolId = 5 });
        Publish(publisher, new ProtoOASpotEvent { CtidTraderAccountId = 1, SymbolId = 5 });

        Assert.Equal(501, await probe.ExpectAsync());
        await probe.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task OnMessage_account_filter_passes_events_without_an_account()
    {
        await using var publisher = new Publisher((_, _) => true, NullLogger.Instance);
        var probe = new TestProbe<IMessage>();
        await using var all = publisher.Subscribe<IMessage>(new SubscriptionOptions { AccountId = 1 }, item => probe.Tell(item.Message!));

        Publish(publisher, new ProtoOAClientDisconnectEvent { Reason = "bye" });

        Assert.IsType<ProtoOAClientDisconnectEvent>(await probe.ExpectAsync());
    }

    [Fact]
    public async Task OnDisconnected_tells_every_subscriber_of_the_loss_and_the_gap()
    {
        await using var publisher = new Publisher((_, _) => true, NullLogger.Instance);
        var probe = new TestProbe<GatewayNotice>();
        await using var trading = publisher.Subscribe<IMessage>(SubscriptionOptions.Trading(), item => probe.Tell(item.Notice!));
        var endpoint = new GatewayEndpoint("h", 1);

        publisher.OnDisconnected(endpoint, new GatewayConnectionException(ConnectionFailureKind.ServerClosed, "closed"));

        Assert.Equal(endpoint, (await probe.ExpectAsync<ConnectionLost>()).Endpoint);
        Assert.Equal(GapReason.Reconnect, (await probe.ExpectAsync<EventsLost>()).Reason);
    }

    [Fact]
    public async Task Subscribe_invalid_capacity_is_refused()
    {
        await using var publisher = new Publisher((_, _) => true, NullLogger.Instance);

        Assert.Throws<ArgumentException>(() => publisher.Subscribe<IMessage>(new SubscriptionOptions { Capacity = 0 }, null));
    }

    private static void Publish(Publisher publisher, IMessage message) =>
        publisher.OnMessage(new OpenApiMessage(Protocol.Registry.PayloadRegistry.Of(message).PayloadType, message, null));
}
