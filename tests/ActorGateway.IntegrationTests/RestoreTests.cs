using ActorGateway.IntegrationTests.Support;
using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using ActorGateway.TestKit;
using Google.Protobuf;

namespace ActorGateway.IntegrationTests;

public sealed class RestoreTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Listener_restart_mid_stream_restores_auth_subscriptions_and_reconciles(bool tls)
    {
        await using var host = await SessionHost.StartAsync(tls);
        host.Logs.Expect(1003); // attempts refused while the listener is down
        var session = host.CreateSession();
        var stream = new StreamProbe();
        await using var subscription = session.Subscribe<IMessage>(new SubscriptionOptions { Capacity = 100_000 }, stream.Tell);
        await session.SubscribeSpotsAsync(SessionHost.Demo1, [1, 2]).OrTimeout();
        await session.PlaceMarketOrderAsync(SessionHost.Demo1, 1, ProtoOATradeSide.Buy, 100_000).OrTimeout();
        await host.AdvanceMarketAsync(session, SessionHost.Demo1);
        await stream.MessageAsync<ProtoOASpotEvent>();

        await host.Server.Faults.StopListenerAsync();
        host.Server.Faults.DropAllConnections();
        await stream.NoticeAsync<ConnectionLost>();
        var duringOutage = session.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = SessionHost.Demo1 });
        await host.Server.Faults.StartListenerAsync();

        var reconciled = await stream.NoticeAsync<AccountReconciled>();
        Assert.Equal(SessionHost.Demo1, reconciled.AccountId);
        Assert.Single(reconciled.Snapshot.Position);
        var restored = await stream.NoticeAsync<SessionRestored>();
        Assert.Equal(1, restored.Reconnects);
        Assert.Equal(SessionHost.Demo1, (await duringOutage.OrTimeout()).Trader.CtidTraderAccountId);
        await host.AdvanceMarketAsync(session, SessionHost.Demo1);
        var spot = await stream.MessageAsync<ProtoOASpotEvent>();
        Assert.Contains(spot.SymbolId, new long[] { 1, 2 });
    }

    [Fact]
    public async Task Listener_restart_reports_the_gap_in_order_to_every_subscriber()
    {
        await using var host = await SessionHost.StartAsync();
        host.Logs.Expect(1003);
        var session = host.CreateSession();
        var stream = new StreamProbe();
        await using var subscription = session.SubscribeMarketData(SessionHost.Demo1, callback: stream.Tell);
        await session.SubscribeSpotsAsync(SessionHost.Demo1, [1]).OrTimeout();

        await host.Server.Faults.StopListenerAsync();
        host.Server.Faults.DropAllConnections();
        await host.Server.Faults.StartListenerAsync();

        await stream.NoticeAsync<ConnectionLost>();
        var gap = await stream.NoticeAsync<EventsLost>();
        Assert.Equal(GapReason.Reconnect, gap.Reason);
        Assert.Null(gap.Count);
        await stream.NoticeAsync<ConnectionEstablished>();
        await stream.NoticeAsync<SessionRestored>();
    }

    [Fact]
    public async Task ClientDisconnectEvent_reconnects_and_restores_the_session()
    {
        await using var host = await SessionHost.StartAsync();
        host.Logs.Expect(1032);
        var session = host.CreateSession();
        var stream = new StreamProbe();
        await using var subscription = session.SubscribeTrading(callback: stream.Tell);
        await session.AuthorizeAccountAsync(SessionHost.Demo2).OrTimeout();

        host.Server.Faults.SendClientDisconnect("maintenance");

        await stream.MessageAsync<ProtoOAClientDisconnectEvent>();
        var reconciled = await stream.NoticeAsync<AccountReconciled>();
        Assert.Equal(SessionHost.Demo2, reconciled.AccountId);
        await stream.NoticeAsync<SessionRestored>();
        var trader = await session.AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = SessionHost.Demo2 }).OrTimeout();
        Assert.Equal(SessionHost.Demo2, trader.Trader.CtidTraderAccountId);
    }
}
