using ActorGateway.Actors;
using ActorGateway.Diagnostics;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;
using ActorGateway.Tests.Support;
using Akka.Actor;

namespace ActorGateway.Tests.Actors;

/// <summary>
/// The gateway actor restarts a failed connection actor. Whatever the failed instance held ends once, typed
/// (<see cref="ConnectionFailureKind.Faulted"/>); the new instance starts idle and serves the next request; the throttle
/// and the clientMsgIds, which live outside it, go on where they were.
/// </summary>
public sealed class SupervisionTests : GatewayTestKit
{
    [Fact]
    public async Task A_failing_connection_actor_ends_its_requests_once_as_faulted_and_the_next_request_works()
    {
        Logs.Expect(1011); // the fault itself, logged as an error
        var client = CreateFaultyGateway();
        var strategy = CreateTestProbe();
        var server = await ConnectAsync(client);

        client.Gateway.Tell(new ProtoOAVersionReq(), strategy);
        var pendingTask = client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq());
        await server.ExpectAsync<ProtoOAVersionReq>();
        await server.ExpectAsync<ProtoOAVersionReq>();
        await server.SendAsync(new ProtoOASpotEvent { CtidTraderAccountId = 1, SymbolId = ThrowingSink.PoisonSymbol });

        var actorFault = Assert.IsType<GatewayConnectionException>(strategy.ExpectMsg<Status.Failure>().Cause);
        var taskFault = await Assert.ThrowsAsync<GatewayConnectionException>(() => pendingTask.OrTimeout());
        Assert.Equal((ConnectionFailureKind.Faulted, ConnectionFailureKind.Faulted), (actorFault.Kind, taskFault.Kind));
        Assert.True(actorFault.WasWritten && taskFault.WasWritten); // both were on the wire: the server may have acted
        Assert.IsType<InvalidOperationException>(actorFault.InnerException?.InnerException); // the fault, then its cause
        await server.ExpectClosedAsync();

        var after = client.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq());
        var fresh = await Transport.AcceptAsync();
        var (_, id) = await fresh.ExpectAsync<ProtoOAVersionReq>();
        await fresh.SendAsync(new ProtoOAVersionRes { Version = "after" }, id);
        Assert.Equal("after", (await after.OrTimeout()).Version);
        strategy.ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // ended once
    }

    private GatewayClient CreateFaultyGateway()
    {
        var options = new GatewayOptions
        {
            Name = "faulty",
            Hosts = ["test-host"],
            TimeProvider = Time,
            TransportFactory = Transport,
            LoggerFactory = Logs,
        };
        var client = new GatewayClient(Sys, GatewaySettings.From(options), null, [new ThrowingSink()]);
        Track(client);
        return client;
    }

    private async Task<InMemoryServer> ConnectAsync(GatewayClient client)
    {
        var connecting = client.ConnectAsync();
        var server = await Transport.AcceptAsync();
        await connecting.OrTimeout();
        return server;
    }

    /// <summary>A receiver with a bug: it throws on one symbol's spots, on the connection actor's turn.</summary>
    private sealed class ThrowingSink : IInboundSink
    {
        public const long PoisonSymbol = 666;

        public void OnMessage(in OpenApiMessage message)
        {
            if (message.Payload is ProtoOASpotEvent { SymbolId: PoisonSymbol })
            {
                throw new InvalidOperationException("a bug in a receiver");
            }
        }

        public void OnConnected(GatewayEndpoint endpoint, int epoch)
        {
        }

        public void OnDisconnected(GatewayEndpoint endpoint, GatewayConnectionException reason)
        {
        }

        public void OnConnectFailed(GatewayEndpoint endpoint, GatewayConnectionException reason, int retryCount)
        {
        }
    }
}
