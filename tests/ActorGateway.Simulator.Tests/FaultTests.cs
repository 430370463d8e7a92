using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Tests.Support;
using ActorGateway.TestKit;
using static ActorGateway.Simulator.Tests.Support.SimulatorHost;

namespace ActorGateway.Simulator.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task DropAllConnections_closes_every_open_connection()
    {
        await using var host = await StartAsync();
        var first = await host.AppAuthenticatedAsync();
        var second = await host.AppAuthenticatedAsync();

        host.Server.Faults.DropAllConnections();

        await first.ExpectClosedAsync();
        await second.ExpectClosedAsync();
    }

    [Fact]
    public async Task DropAfter_closes_the_connection_at_that_message_unanswered()
    {
        await using var host = await StartAsync();
        var client = await host.AppAuthenticatedAsync();
        host.Server.Faults.DropAfter(3);

        await client.SendAsync(new ProtoOAVersionReq(), "1");
        await client.SendAsync(new ProtoOAVersionReq(), "2");
        await client.SendAsync(new ProtoOAVersionReq(), "3");
        await client.ExpectAsync<ProtoOAVersionRes>("1");
        await client.ExpectAsync<ProtoOAVersionRes>("2");

        Assert.Null(await client.ReceiveAnyAsync());
    }

    [Fact]
    public async Task Random_drops_follow_the_seed()
    {
        var first = await MessagesBeforeRandomDropAsync(seed: 3);
        var again = await MessagesBeforeRandomDropAsync(seed: 3);

        Assert.InRange(first, 0, 99);
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task DelayReplies_holds_replies_back_until_the_delay_has_passed()
    {
        await using var host = await StartAsync();
        var client = await host.AppAuthenticatedAsync();
        await client.SendAsync(new ProtoOAVersionReq(), "ready");
        await client.ExpectAsync<ProtoOAVersionRes>("ready");
        var timersBefore = host.Time.PendingTimerCount;
        host.Server.Faults.DelayReplies(TimeSpan.FromSeconds(2));

        await client.SendAsync(new ProtoOAVersionReq(), "slow");
        await host.Time.WaitForPendingTimersAsync(timersBefore + 1).OrTimeout();
        host.Time.Advance(TimeSpan.FromSeconds(2));

        await client.ExpectAsync<ProtoOAVersionRes>("slow");
    }

    [Fact]
    public async Task NeverAnswer_swallows_that_payload_type_only()
    {
        await using var host = await StartAsync();
        var client = await host.AppAuthenticatedAsync();
        host.Server.Faults.NeverAnswer((uint)ProtoOAPayloadType.ProtoOaVersionReq);

        await client.SendAsync(new ProtoOAVersionReq(), "lost");
        await client.SendAsync(new ProtoOAGetAccountListByAccessTokenReq { AccessToken = Token }, "answered");

        await client.ExpectAsync<ProtoOAGetAccountListByAccessTokenRes>("answered");
    }

    [Fact]
    public async Task SendClientDisconnect_sends_the_event_then_closes()
    {
        await using var host = await StartAsync();
        var client = await host.AppAuthenticatedAsync();

        host.Server.Faults.SendClientDisconnect("application blocked");
        var farewell = await client.ExpectAsync<ProtoOAClientDisconnectEvent>();

        Assert.Equal("application blocked", farewell.Reason);
        await client.ExpectClosedAsync();
    }

    [Fact]
    public async Task InvalidateToken_ends_its_sessions_and_it_no_longer_authorizes()
    {
        await using var host = await StartAsync();
        var client = await host.AuthorizedAsync(Demo1, Demo2);

        host.Server.Faults.InvalidateToken(Token);
        var invalidated = await client.ExpectAsync<ProtoOAAccountsTokenInvalidatedEvent>();
        await client.SendAsync(AccountAuth(Demo1), "again");

        Assert.Equal([Demo1, Demo2], invalidated.CtidTraderAccountIds.Order());
        Assert.Equal("CH_ACCESS_TOKEN_INVALID", (await client.ExpectAsync<ProtoOAErrorRes>("again")).ErrorCode);
    }

    [Fact]
    public async Task DisconnectAccount_ends_that_account_on_every_connection_and_leaves_the_others()
    {
        await using var host = await StartAsync();
        var first = await host.AuthorizedAsync(Demo1, Demo2);
        var second = await host.AuthorizedAsync(Demo1);

        host.Server.Faults.DisconnectAccount(Demo1);
        var onFirst = await first.ExpectAsync<ProtoOAAccountDisconnectEvent>();
        var onSecond = await second.ExpectAsync<ProtoOAAccountDisconnectEvent>();
        await first.SendAsync(new ProtoOATraderReq { CtidTraderAccountId = Demo1 }, "gone");
        var gone = await first.ExpectAsync<ProtoOAErrorRes>("gone");
        await first.SendAsync(new ProtoOATraderReq { CtidTraderAccountId = Demo2 }, "kept");

        Assert.Equal((Demo1, Demo1), (onFirst.CtidTraderAccountId, onSecond.CtidTraderAccountId));
        Assert.Equal("ACCOUNT_NOT_AUTHORIZED", gone.ErrorCode);
        await first.ExpectAsync<ProtoOATraderRes>("kept");
    }

    [Fact]
    public async Task Maintenance_answers_SERVER_IS_UNDER_MAINTENANCE_with_its_end_until_it_ends()
    {
        await using var host = await StartAsync();
        var client = await host.AppAuthenticatedAsync();
        var until = host.Time.GetUtcNow().AddHours(1);

        host.Server.Faults.StartMaintenance(until);
        await client.SendAsync(new ProtoOAVersionReq(), "during");
        var error = await client.ExpectAsync<ProtoOAErrorRes>("during");
        host.Server.Faults.EndMaintenance();
        await client.SendAsync(new ProtoOAVersionReq(), "after");

        Assert.Equal(("SERVER_IS_UNDER_MAINTENANCE", until.ToUnixTimeSeconds()), (error.ErrorCode, error.MaintenanceEndTimestamp));
        await client.ExpectAsync<ProtoOAVersionRes>("after");
    }

    [Fact]
    public async Task Stopped_listener_drops_connections_and_restarts_on_the_same_port()
    {
        await using var host = await StartAsync();
        var client = await host.AppAuthenticatedAsync();
        var port = host.Server.EndPoint.Port;

        await host.Server.Faults.StopListenerAsync().OrTimeout();
        await client.ExpectClosedAsync();
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => RawClient.ConnectAsync(host.Server));
        await host.Server.Faults.StartListenerAsync().OrTimeout();
        var again = await host.AppAuthenticatedAsync();
        await again.SendAsync(new ProtoOAVersionReq(), "back");

        Assert.Equal(port, host.Server.EndPoint.Port);
        await again.ExpectAsync<ProtoOAVersionRes>("back");
    }

    private static async Task<int> MessagesBeforeRandomDropAsync(int seed)
    {
        await using var host = await StartAsync(o =>
        {
            o.Seed = seed;
            o.RateLimits.Enabled = false;
        });
        var client = await host.AppAuthenticatedAsync();
        host.Server.Faults.DropAtRandom(0.1);
        for (var answered = 0; answered < 100; answered++)
        {
            await client.SendAsync(new ProtoOAVersionReq(), $"{answered}");
            if (await client.ReceiveAnyAsync() is null)
            {
                return answered;
            }
        }

        return 100;
    }
}
