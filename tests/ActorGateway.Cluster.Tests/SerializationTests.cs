using ActorGateway.Cluster.Events;
using ActorGateway.Cluster.Hosting;
using ActorGateway.Cluster.Messages;
using ActorGateway.Cluster.Serialization;
using ActorGateway.Cluster.Tests.Support;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using ActorGateway.Publishing;
using ActorGateway.Session;
using ActorGateway.Trading;
using Akka.Actor;
using Akka.Remote.Serialization;
using Google.Protobuf;
using AkkaSerialization = Akka.Serialization.Serialization;

namespace ActorGateway.Cluster.Tests;

/// <summary>
/// Every message that crosses nodes has an explicit serializer (none falls back to Akka's JSON one) and survives the trip
/// with its fields, proto2 field presence included.
/// </summary>
public sealed class SerializationTests : IAsyncLifetime
{
    private ClusterNode _node = null!;

    private AkkaSerialization Serialization => _node.System.Serialization;

    public async Task InitializeAsync() =>
        _node = await ClusterNode.StartAsync("serialization", new AccountClusterOptions { HostsAccounts = false });

    public async Task DisposeAsync() => await _node.DisposeAsync();

    public static TheoryData<Type> ProjectMessageTypes()
    {
        var types = typeof(IClusterMessage).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IClusterMessage).IsAssignableFrom(t))
            .Append(typeof(OrderUpdate))
            .Append(typeof(OrderOutcome))
            // The publisher's messages a subscriber on another node exchanges with it.
            .Append(typeof(EventBatch))
            .Append(typeof(EventsAck))
            .Append(typeof(EventsSubscribed))
            .Append(typeof(UnsubscribeEvents));
        var data = new TheoryData<Type>();
        foreach (var type in types)
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProjectMessageTypes))]
    public void The_projects_messages_are_bound_to_its_own_serializer(Type type) =>
        Assert.IsType<ClusterMessageSerializer>(Serialization.FindSerializerForType(type));

    [Fact]
    public void The_serializer_is_bound_to_exactly_the_types_the_tests_list()
    {
        var listed = ProjectMessageTypes().Cast<object[]>().Select(row => (Type)row[0]).ToList();

        // Every bound type is one of the listed ones or their interface; every listed one is covered by a binding.
        Assert.All(ClusterMessageSerializer.BoundTypes, bound => Assert.Contains(listed, type => bound.IsAssignableFrom(type)));
        Assert.All(listed, type => Assert.Contains(ClusterMessageSerializer.BoundTypes, bound => bound.IsAssignableFrom(type)));
    }

    [Fact]
    public void Every_open_api_payload_is_bound_to_akkas_protobuf_serializer()
    {
        var wrong = PayloadRegistry.All
            .Where(info => Serialization.FindSerializerForType(info.ClrType) is not ProtobufSerializer)
            .Select(info => info.Name)
            .ToList();

        Assert.Empty(wrong);
        Assert.True(PayloadRegistry.All.Count > 90);
    }

    [Fact]
    public void An_envelope_keeps_its_request_with_proto2_presence()
    {
        // Buy is the field's declared default: only presence tells "set to Buy" from "not set".
        var request = new ProtoOANewOrderReq
        {
            CtidTraderAccountId = 3001, SymbolId = 1, OrderType = ProtoOAOrderType.Market, TradeSide = ProtoOATradeSide.Buy,
            Volume = 100_000, Label = "cluster",
        };

        var back = RoundTrip(new AccountEnvelope(3001, request, TimeSpan.FromSeconds(7)));

        Assert.Equal(3001, back.AccountId);
        Assert.Equal(TimeSpan.FromSeconds(7), back.Timeout);
        var order = Assert.IsType<ProtoOANewOrderReq>(back.Request);
        Assert.Equal(request, order);
        Assert.True(order.HasTradeSide);
        Assert.False(order.HasLimitPrice);
        Assert.Null(RoundTrip(new AccountEnvelope(3001, new ProtoOAVersionReq())).Timeout);
    }

    [Fact]
    public void A_spot_event_crosses_with_presence_intact()
    {
        var spot = new ProtoOASpotEvent { CtidTraderAccountId = 3001, SymbolId = 1, Bid = 108_123 };

        var back = RoundTrip(spot);

        Assert.Equal(spot, back);
        Assert.True(back.HasBid);
        Assert.False(back.HasAsk);
    }

    [Fact]
    public void A_rejection_keeps_every_field()
    {
        var rejected = new GatewayRejectedException(2132, "NOT_ENOUGH_MONEY", "Not enough money")
        {
            RetryAfter = TimeSpan.FromSeconds(3), MaintenanceEnd = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000),
            AccountId = 3001, OrderId = 5, PositionId = 6,
        };

        var back = Assert.IsType<GatewayRejectedException>(RoundTrip(new RequestFailed(rejected)).Cause);

        Assert.Equal((2132u, "NOT_ENOUGH_MONEY", "Not enough money"), (back.PayloadType, back.ErrorCode, back.Description));
        Assert.Equal((rejected.RetryAfter, rejected.MaintenanceEnd), (back.RetryAfter, back.MaintenanceEnd));
        Assert.Equal((3001L, 5L, 6L), (back.AccountId!.Value, back.OrderId!.Value, back.PositionId!.Value));
        Assert.Equal(rejected.Message, back.Message);
        Assert.True(back.IsTransient);
    }

    [Fact]
    public void Every_failure_keeps_its_type_and_fields()
    {
        var timeout = Assert.IsType<GatewayTimeoutException>(Cross(new GatewayTimeoutException("ProtoOANewOrderReq", TimeSpan.FromSeconds(2), true)));
        Assert.Equal((TimeSpan.FromSeconds(2), true), (timeout.Timeout, timeout.WasWritten));
        Assert.Equal("ProtoOANewOrderReq got no reply within 2000 ms.", timeout.Message);

        var lost = Assert.IsType<GatewayConnectionException>(Cross(
            new GatewayConnectionException(ConnectionFailureKind.ConnectionLost, "The connection was lost.", written: true)));
        Assert.Equal((ConnectionFailureKind.ConnectionLost, true, "The connection was lost."), (lost.Kind, lost.WasWritten, lost.Message));

        var protocol = Assert.IsType<GatewayProtocolException>(Cross(new GatewayProtocolException("bad",
            new ProtocolException(ProtocolErrorKind.MissingRequiredField, "bad"))));
        Assert.Equal(ProtocolErrorKind.MissingRequiredField, protocol.ProtocolErrorKind);

        var account = Assert.IsType<GatewayAccountException>(Cross(new GatewayAccountException(3001, AccountFailureKind.NotGranted, "no")));
        Assert.Equal((3001L, AccountFailureKind.NotGranted), (account.AccountId, account.Kind));

        var fenced = Assert.IsType<GatewayFencedException>(Cross(new GatewayFencedException(3002, "lease lapsed")));
        Assert.Equal(3002, fenced.AccountId);
    }

    [Fact]
    public void A_fenced_refusal_crosses_typed_with_its_account_and_message()
    {
        var refusal = new RequestFailed(new GatewayFencedException(3004, "Account 3004's lease is not held by this node any more."));

        Assert.IsType<ClusterMessageSerializer>(Serialization.FindSerializerFor(refusal));
        var back = Assert.IsType<GatewayFencedException>(RoundTrip(refusal).Cause);

        Assert.Equal((3004L, refusal.Cause.Message), (back.AccountId, back.Message));
        Assert.True(back.IsTransient);
    }

    [Fact]
    public void Order_steps_keep_their_state_and_order()
    {
        var order = new ProtoOAOrder
        {
            OrderId = 9, TradeData = new ProtoOATradeData { SymbolId = 1, Volume = 100_000, TradeSide = ProtoOATradeSide.Sell },
            OrderType = ProtoOAOrderType.Limit, OrderStatus = ProtoOAOrderStatus.OrderStatusAccepted,
        };
        var update = new OrderUpdate(OrderState.Working, order, new ProtoOAExecutionEvent
        {
            CtidTraderAccountId = 3001, ExecutionType = ProtoOAExecutionType.OrderAccepted, Order = order,
        });
        var outcome = new OrderOutcome(OrderState.PartiallyFilledThenCancelled, 9, order, ResolvedByReconcile: true);

        Assert.Equal(update, RoundTrip(update));
        Assert.Equal(outcome, RoundTrip(outcome));
        Assert.Equal(new OrderOutcome(OrderState.NotPlaced, null, null, false), RoundTrip(new OrderOutcome(OrderState.NotPlaced, null, null, false)));
    }

    [Fact]
    public void Start_and_stop_messages_cross()
    {
        Assert.Equal(new StartAccount(3003), RoundTrip(new StartAccount(3003)));
        Assert.Equal(new AccountStarted(3003), RoundTrip(new AccountStarted(3003)));
        Assert.Same(StopAccount.Instance, RoundTrip(StopAccount.Instance));
    }

    public static TheoryData<string> NoticeKinds() => new(Notices.Keys);

    [Theory]
    [MemberData(nameof(NoticeKinds))]
    public void Every_notice_kind_crosses_in_a_batch_with_its_fields(string kind)
    {
        var notice = Notices[kind];

        var back = Assert.Single(RoundTrip(new EventBatch([StreamItem.OfNotice<IMessage>(notice)])).Items);

        Assert.False(back.IsMessage);
        AssertSameNotice(notice, back.Notice!);
    }

    [Fact]
    public void A_batch_mixing_events_and_notices_keeps_their_order_and_presence()
    {
        var spot = new ProtoOASpotEvent { CtidTraderAccountId = 3001, SymbolId = 1, Bid = 108_123 };
        var execution = new ProtoOAExecutionEvent { CtidTraderAccountId = 3001, ExecutionType = ProtoOAExecutionType.OrderFilled };
        IReadOnlyList<StreamItem<IMessage>> items =
        [
            StreamItem.OfMessage<IMessage>(spot),
            StreamItem.OfNotice<IMessage>(new EventsLost(12, GapReason.Overflow)),
            StreamItem.OfMessage<IMessage>(execution),
            StreamItem.OfNotice<IMessage>(new EventsLost(null, GapReason.Moved)),
            StreamItem.OfMessage<IMessage>(spot),
        ];

        var back = RoundTrip(new EventBatch(items)).Items;

        Assert.Equal(5, back.Count);
        var firstSpot = Assert.IsType<ProtoOASpotEvent>(back[0].Message);
        Assert.Equal(spot, firstSpot);
        Assert.False(firstSpot.HasAsk);
        Assert.Equal(new EventsLost(12, GapReason.Overflow), back[1].Notice);
        Assert.Equal(execution, back[2].Message);
        Assert.Equal(new EventsLost(null, GapReason.Moved), back[3].Notice);
        Assert.Equal(spot, back[4].Message);
    }

    [Fact]
    public void A_notice_of_a_lost_connection_carries_no_inner_exceptions_text()
    {
        const string secret = "access-token-7f3a9c";
        var lost = new ConnectionLost(new GatewayEndpoint("demo.ctraderapi.com", 5035),
            new GatewayConnectionException(ConnectionFailureKind.ConnectionLost, "The connection was lost.", new InvalidOperationException(secret)));
        var batch = new EventBatch([StreamItem.OfNotice<IMessage>(lost)]);

        var bytes = Serialization.FindSerializerFor(batch).ToBinary(batch);

        Assert.DoesNotContain(secret, System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal("The connection was lost.", Assert.IsType<ConnectionLost>(Assert.Single(RoundTrip(batch).Items).Notice).Reason.Message);
    }

    [Fact]
    public void A_subscription_to_an_account_keeps_its_subscriber_filters_and_market_data()
    {
        var subscriber = _node.System.ActorOf(Props.Empty, "subscriber");
        var options = new AccountEventsOptions
        {
            PayloadTypes = [(uint)ProtoOAPayloadType.ProtoOaSpotEvent], SymbolIds = [], Capacity = 50, Overflow = OverflowPolicy.DropNewest,
            Spots = [1, 2], Depth = [3], LiveTrendbars = [new LiveTrendbar(1, ProtoOATrendbarPeriod.M5)],
        };

        var back = RoundTrip(new SubscribeAccount(3001, subscriber, options));

        Assert.Equal((3001L, subscriber), (back.AccountId, back.Subscriber));
        Assert.Equal(options.PayloadTypes, back.Options.PayloadTypes);
        Assert.NotNull(back.Options.SymbolIds); // empty is "no symbol", not "every symbol"
        Assert.Empty(back.Options.SymbolIds);
        Assert.Equal((50, OverflowPolicy.DropNewest), (back.Options.Capacity, back.Options.Overflow));
        Assert.Equal(options.Spots, back.Options.Spots);
        Assert.Equal(options.Depth, back.Options.Depth);
        Assert.Equal(options.LiveTrendbars, back.Options.LiveTrendbars);
        var everything = RoundTrip(new SubscribeAccount(3001, subscriber, new AccountEventsOptions())).Options;
        Assert.Null(everything.PayloadTypes);
        Assert.Null(everything.SymbolIds);
    }

    [Fact]
    public void The_publishers_answers_and_unsubscriptions_keep_their_actor()
    {
        var subscriber = _node.System.ActorOf(Props.Empty, "keeper");

        Assert.Equal(new EventsSubscribed(subscriber), RoundTrip(new EventsSubscribed(subscriber)));
        Assert.Equal(new UnsubscribeEvents(subscriber), RoundTrip(new UnsubscribeEvents(subscriber)));
        Assert.Equal(new UnsubscribeAccount(3002, subscriber), RoundTrip(new UnsubscribeAccount(3002, subscriber)));
        Assert.Equal(EventsAck.Instance, RoundTrip(EventsAck.Instance));
    }

    private static readonly Dictionary<string, GatewayNotice> Notices = new()
    {
        ["events lost"] = new EventsLost(7, GapReason.Reconnect),
        ["events lost, count unknown, moved"] = new EventsLost(null, GapReason.Moved),
        ["connection established"] = new ConnectionEstablished(new GatewayEndpoint("live.ctraderapi.com", 5035)),
        ["connection lost"] = new ConnectionLost(new GatewayEndpoint("live.ctraderapi.com", 5035),
            new GatewayConnectionException(ConnectionFailureKind.ServerSilent, "The server went silent.", written: true)),
        ["session restored"] = new SessionRestored(3),
        ["account reconciled"] = new AccountReconciled(3001, new ProtoOAReconcileRes
        {
            CtidTraderAccountId = 3001,
            Order = { new ProtoOAOrder { OrderId = 9, TradeData = new ProtoOATradeData { SymbolId = 1, Volume = 100, TradeSide = ProtoOATradeSide.Buy } } },
        }),
        ["account disconnected"] = new AccountDisconnected(3001),
        ["account token invalidated"] = new AccountTokenInvalidated([3001, 3002], "expired", Refreshing: true),
        ["account unavailable"] = new AccountUnavailable(3003, new GatewayAccountException(3003, AccountFailureKind.NotGranted, "not granted")),
    };

    // Records holding an exception or a list compare those by reference: compared here field by field.
    private static void AssertSameNotice(GatewayNotice expected, GatewayNotice actual)
    {
        switch (expected)
        {
            case ConnectionLost lost:
                var back = Assert.IsType<ConnectionLost>(actual);
                Assert.Equal(lost.Endpoint, back.Endpoint);
                Assert.Equal((lost.Reason.Kind, lost.Reason.WasWritten, lost.Reason.Message), (back.Reason.Kind, back.Reason.WasWritten, back.Reason.Message));
                break;
            case AccountTokenInvalidated invalidated:
                var token = Assert.IsType<AccountTokenInvalidated>(actual);
                Assert.Equal(invalidated.AccountIds, token.AccountIds);
                Assert.Equal((invalidated.Reason, invalidated.Refreshing), (token.Reason, token.Refreshing));
                break;
            case AccountUnavailable unavailable:
                var gone = Assert.IsType<AccountUnavailable>(actual);
                Assert.Equal(unavailable.AccountId, gone.AccountId);
                var error = Assert.IsType<GatewayAccountException>(gone.Error);
                Assert.Equal((AccountFailureKind.NotGranted, "not granted"), (error.Kind, error.Message));
                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }

    private GatewayException Cross(GatewayException exception) => RoundTrip(new RequestFailed(exception)).Cause;

    private T RoundTrip<T>(T message) where T : notnull
    {
        var serializer = Serialization.FindSerializerFor(message);
        var bytes = serializer.ToBinary(message);
        var manifest = AkkaSerialization.ManifestFor(serializer, message);
        return Assert.IsType<T>(Serialization.Deserialize(bytes, serializer.Identifier, manifest));
    }
}
