using System.Runtime.Serialization;
using ActorGateway.Cluster.Events;
using ActorGateway.Cluster.Messages;
using ActorGateway.Cluster.Wire;
using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using ActorGateway.Publishing;
using ActorGateway.Trading;
using Akka.Actor;
using Akka.Serialization;
using Google.Protobuf;
using AkkaSerialization = Akka.Serialization.Serialization;

namespace ActorGateway.Cluster.Serialization;

/// <summary>
/// Serializes the project's messages that cross nodes (<see cref="IClusterMessage"/>s, the core's order steps and the
/// publisher's messages a subscriber on another node exchanges with it: batches, acks, subscribed, unsubscribe) as the
/// protobuf messages of <c>protos/cluster/ActorGatewayCluster.proto</c>, under short string manifests. Open API payloads
/// inside them are written as their payload type and bytes, exactly as on the cTrader wire; Open API messages sent
/// on their own go through Akka.Remote's protobuf serializer instead.
/// </summary>
public sealed class ClusterMessageSerializer : SerializerWithStringManifest
{
    /// <summary>The serializer's id in Akka's registry (must be the same on every node; Akka reserves 0-100).</summary>
    public const int Id = 714;

    /// <summary>The name it is registered under in <c>akka.actor.serializers</c>.</summary>
    public const string Name = "actorgateway-cluster";

    private const string EnvelopeManifest = "AE";
    private const string FailedManifest = "RF";
    private const string StopManifest = "SA";
    private const string StartManifest = "ST";
    private const string StartedManifest = "SD";
    private const string UpdateManifest = "OU";
    private const string OutcomeManifest = "OO";
    private const string SubscribeManifest = "SU";
    private const string UnsubscribeManifest = "UA";
    private const string BatchManifest = "EB";
    private const string AckManifest = "EK";
    private const string SubscribedManifest = "ES";
    private const string UnsubscribeEventsManifest = "UE";
    private readonly ExtendedActorSystem _system;

    /// <summary>Creates the serializer (Akka calls this).</summary>
    public ClusterMessageSerializer(ExtendedActorSystem system)
        : base(system)
    {
        _system = system;
    }

    /// <summary>Every type this serializer is bound to; the hosting extension binds exactly these.</summary>
    public static IReadOnlyList<Type> BoundTypes { get; } =
    [
        typeof(IClusterMessage), typeof(OrderUpdate), typeof(OrderOutcome),
        typeof(EventBatch), typeof(EventsAck), typeof(EventsSubscribed), typeof(UnsubscribeEvents),
    ];

    /// <inheritdoc />
    public override int Identifier => Id;

    /// <inheritdoc />
    public override string Manifest(object o) => o switch
    {
        AccountEnvelope => EnvelopeManifest,
        RequestFailed => FailedManifest,
        StopAccount => StopManifest,
        StartAccount => StartManifest,
        AccountStarted => StartedManifest,
        OrderUpdate => UpdateManifest,
        OrderOutcome => OutcomeManifest,
        SubscribeAccount => SubscribeManifest,
        UnsubscribeAccount => UnsubscribeManifest,
        EventBatch => BatchManifest,
        EventsAck => AckManifest,
        EventsSubscribed => SubscribedManifest,
        UnsubscribeEvents => UnsubscribeEventsManifest,
        _ => throw Unknown(o.GetType().Name),
    };

    /// <inheritdoc />
    public override byte[] ToBinary(object obj) => obj switch
    {
        AccountEnvelope e => Envelope(e).ToByteArray(),
        RequestFailed f => FailureCodec.Encode(f.Cause).ToByteArray(),
        StopAccount => [],
        StartAccount s => new AccountIdData { AccountId = s.AccountId }.ToByteArray(),
        AccountStarted s => new AccountIdData { AccountId = s.AccountId }.ToByteArray(),
        OrderUpdate u => Update(u).ToByteArray(),
        OrderOutcome o => Outcome(o).ToByteArray(),
        SubscribeAccount a => Subscribe(a).ToByteArray(),
        UnsubscribeAccount u => Subscriber(u.Subscriber, u.AccountId).ToByteArray(),
        EventBatch b => EventBatchCodec.Encode(b).ToByteArray(),
        EventsAck => [],
        EventsSubscribed e => Subscriber(e.Subscriber, null).ToByteArray(),
        UnsubscribeEvents u => Subscriber(u.Subscriber, null).ToByteArray(),
        _ => throw Unknown(obj.GetType().Name),
    };

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest) => manifest switch
    {
        EnvelopeManifest => Envelope(AccountEnvelopeData.Parser.ParseFrom(bytes)),
        FailedManifest => new RequestFailed(FailureCodec.Decode(RequestFailedData.Parser.ParseFrom(bytes))),
        StopManifest => StopAccount.Instance,
        StartManifest => new StartAccount(AccountIdData.Parser.ParseFrom(bytes).AccountId),
        StartedManifest => new AccountStarted(AccountIdData.Parser.ParseFrom(bytes).AccountId),
        UpdateManifest => Update(OrderUpdateData.Parser.ParseFrom(bytes)),
        OutcomeManifest => Outcome(OrderOutcomeData.Parser.ParseFrom(bytes)),
        SubscribeManifest => Subscribe(SubscribeAccountData.Parser.ParseFrom(bytes)),
        UnsubscribeManifest => Unsubscribe(SubscriberData.Parser.ParseFrom(bytes)),
        BatchManifest => EventBatchCodec.Decode(EventBatchData.Parser.ParseFrom(bytes)),
        AckManifest => EventsAck.Instance,
        SubscribedManifest => new EventsSubscribed(Ref(SubscriberData.Parser.ParseFrom(bytes).Subscriber)),
        UnsubscribeEventsManifest => new UnsubscribeEvents(Ref(SubscriberData.Parser.ParseFrom(bytes).Subscriber)),
        _ => throw Unknown(manifest),
    };

    private static AccountEnvelopeData Envelope(AccountEnvelope e)
    {
        var data = new AccountEnvelopeData
        {
            AccountId = e.AccountId,
            PayloadType = PayloadRegistry.Of(e.Request).PayloadType,
            Payload = e.Request.ToByteString(),
        };
        if (e.Timeout is { } timeout)
        {
            data.TimeoutMs = (long)timeout.TotalMilliseconds;
        }

        return data;
    }

    private static AccountEnvelope Envelope(AccountEnvelopeData data)
    {
        if (!PayloadRegistry.TryGet(data.PayloadType, out var info))
        {
            throw new SerializationException($"An account envelope carries payload type {data.PayloadType}, which this node does not know.");
        }

        var timeout = data.HasTimeoutMs ? TimeSpan.FromMilliseconds(data.TimeoutMs) : (TimeSpan?)null;
        return new AccountEnvelope(data.AccountId, info.Parser.ParseFrom(data.Payload), timeout);
    }

    private static OrderUpdateData Update(OrderUpdate u)
    {
        var data = new OrderUpdateData { State = u.State.ToString() };
        if (u.Order is not null)
        {
            data.Order = u.Order;
        }

        if (u.Event is not null)
        {
            data.Event = u.Event;
        }

        return data;
    }

    private static OrderUpdate Update(OrderUpdateData d) =>
        new(State(d.State), d.Order, d.Event);

    private static OrderOutcomeData Outcome(OrderOutcome o)
    {
        var data = new OrderOutcomeData { State = o.State.ToString(), ResolvedByReconcile = o.ResolvedByReconcile };
        if (o.OrderId is { } id)
        {
            data.OrderId = id;
        }

        if (o.Order is not null)
        {
            data.Order = o.Order;
        }

        return data;
    }

    private static OrderOutcome Outcome(OrderOutcomeData d) =>
        new(State(d.State), d.HasOrderId ? d.OrderId : null, d.Order, d.ResolvedByReconcile);

    private static SubscribeAccountData Subscribe(SubscribeAccount a)
    {
        var o = a.Options;
        var data = new SubscribeAccountData
        {
            AccountId = a.AccountId, Subscriber = RefData(a.Subscriber), Capacity = o.Capacity, Overflow = o.Overflow.ToString(),
            Spots = { o.Spots }, Depth = { o.Depth },
            LiveTrendbars = { o.LiveTrendbars.Select(b => new LiveTrendbarData { SymbolId = b.SymbolId, Period = b.Period.ToString() }) },
        };
        if (o.PayloadTypes is { } types)
        {
            data.PayloadTypes = new UInt32List { Values = { types } };
        }

        if (o.SymbolIds is { } symbols)
        {
            data.SymbolIds = new Int64List { Values = { symbols } };
        }

        return data;
    }

    private SubscribeAccount Subscribe(SubscribeAccountData d) => new(d.AccountId, Ref(d.Subscriber), new AccountEventsOptions
    {
        PayloadTypes = d.PayloadTypes is { } types ? [.. types.Values] : null,
        SymbolIds = d.SymbolIds is { } symbols ? [.. symbols.Values] : null,
        Capacity = d.Capacity,
        Overflow = Enum.TryParse<OverflowPolicy>(d.Overflow, out var overflow) ? overflow : OverflowPolicy.DropOldest,
        Spots = [.. d.Spots],
        Depth = [.. d.Depth],
        // A period this node does not know cannot be asked of the server: that bar is left out.
        LiveTrendbars = [.. d.LiveTrendbars
            .Where(b => Enum.TryParse<ProtoOATrendbarPeriod>(b.Period, out _))
            .Select(b => new LiveTrendbar(b.SymbolId, Enum.Parse<ProtoOATrendbarPeriod>(b.Period)))],
    });

    private static SubscriberData Subscriber(IActorRef subscriber, long? accountId)
    {
        var data = new SubscriberData { Subscriber = RefData(subscriber) };
        if (accountId is { } id)
        {
            data.AccountId = id;
        }

        return data;
    }

    private UnsubscribeAccount Unsubscribe(SubscriberData d) => new(d.AccountId, Ref(d.Subscriber));

    private static ActorRefData RefData(IActorRef actor) => new() { Path = AkkaSerialization.SerializedActorPath(actor) };

    private IActorRef Ref(ActorRefData data) => _system.Provider.ResolveActorRef(data.Path);

    // A state this node does not know (a newer peer's) is reported as Unknown: reconcile by hand, never guess.
    private static OrderState State(string name) => Enum.TryParse<OrderState>(name, out var state) ? state : OrderState.Unknown;

    private static SerializationException Unknown(string what) =>
        new($"{nameof(ClusterMessageSerializer)} does not handle '{what}'.");
}
