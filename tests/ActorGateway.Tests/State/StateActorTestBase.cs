using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using ActorGateway.State;
using Akka.Actor;
using Akka.TestKit;
using Google.Protobuf;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorGateway.Tests.State;

/// <summary>A mirror or book actor between a probe playing the session and one playing the publisher.</summary>
public abstract class StateActorTestBase : Akka.TestKit.Xunit2.TestKit
{
    internal StateSettings Settings { get; } = new(NullLoggerFactory.Instance, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5));

    protected TestProbe Session { get; private set; } = null!;

    protected TestProbe Publisher { get; private set; } = null!;

    protected TestProbe Subscriber { get; private set; } = null!;

    protected void Probes()
    {
        Session = CreateTestProbe();
        Publisher = CreateTestProbe();
        Subscriber = CreateTestProbe();
    }

    /// <summary>Plays the publisher's side of the subscription; returns what the actor asked for.</summary>
    protected SubscriptionOptions AcceptSubscription(IActorRef actor)
    {
        var subscribe = Publisher.ExpectMsg<SubscribeEvents>();
        Assert.Equal(actor, subscribe.Subscriber);
        actor.Tell(new SubscribeStateChanges(Subscriber.Ref)); // first, so the subscriber sees what starting changes
        actor.Tell(new EventsSubscribed(actor), Publisher.Ref);
        Subscriber.ExpectMsg<StateChangesSubscribed>();
        return subscribe.Options!;
    }

    /// <summary>Delivers items through the stream and expects them acknowledged.</summary>
    protected void Stream(IActorRef actor, params object[] items)
    {
        actor.Tell(new EventBatch([.. items.Select(i => i is GatewayNotice n
            ? new StreamItem<IMessage>(null, n)
            : new StreamItem<IMessage>((IMessage)i, null))]), Publisher.Ref);
        Publisher.ExpectMsg<EventsAck>();
    }

    /// <summary>Tells the actor <see cref="CatchUp"/> from a new probe and expects its marker request; returns the probe.</summary>
    protected TestProbe AskCatchUp(IActorRef actor)
    {
        var asker = CreateTestProbe();
        actor.Tell(CatchUp.Instance, asker.Ref);
        Session.ExpectMsg<ProtoOAVersionReq>();
        return asker;
    }

    /// <summary>The next batch of changes, acknowledged.</summary>
    protected IReadOnlyList<StateChange> NextChanges()
    {
        var batch = Subscriber.ExpectMsg<StateChanges>();
        Subscriber.Reply(StateChangesAck.Instance);
        return batch.Items;
    }

    protected static ProtoOAPosition Position(long id, long volume) => new()
    {
        PositionId = id, PositionStatus = ProtoOAPositionStatus.PositionStatusOpen, Swap = 0, Price = 1.08,
        TradeData = new ProtoOATradeData { SymbolId = 1, Volume = volume, TradeSide = ProtoOATradeSide.Buy },
    };
}
