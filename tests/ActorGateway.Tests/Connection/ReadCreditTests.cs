using ActorGateway.Actors;
using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;

namespace ActorGateway.Tests.Connection;

/// <summary>
/// The read loop never runs ahead of the connection actor without bound: it Tells the frames of each socket read as one
/// batch and reads on only while the actor has fewer than eight unhandled, so a flooding server fills the socket.
/// </summary>
public sealed class ReadCreditTests : Akka.TestKit.Xunit2.TestKit
{
    private const int Credit = 8;

    [Fact]
    public async Task The_read_loop_stops_after_eight_unhandled_batches_and_goes_on_as_each_is_handled()
    {
        var factory = new InMemoryTransportFactory();
        var connecting = factory.ConnectAsync("h", 1, CancellationToken.None).AsTask();
        var server = await factory.AcceptAsync();
        var transport = await connecting;
        var actor = CreateTestProbe();
        var connection = new ActorGateway.Actors.Connection(transport, new GatewayEndpoint("h", 1), actor, new FakeTimeProvider(),
            1024 * 1024);
        connection.Start();

        for (var i = 0; i < Credit; i++)
        {
            await server.SendAsync(new ProtoOAVersionRes { Version = $"{i}" }, $"{i}");
            var batch = actor.ExpectMsg<FramesReceived>();
            Assert.Equal($"{i}", Assert.Single(batch.Frames).ClientMsgId);
        }

        for (var i = Credit; i < Credit + 50; i++)
        {
            await server.SendAsync(new ProtoOAVersionRes { Version = $"{i}" }, $"{i}");
        }

        actor.ExpectNoMsg(TimeSpan.FromMilliseconds(200)); // the flood waits in the transport, not in the mailbox
        connection.ReturnCredit();
        var resumed = actor.ExpectMsg<FramesReceived>();
        Assert.Equal($"{Credit}", resumed.Frames[0].ClientMsgId);
        Assert.Equal(50, resumed.Frames.Length); // everything buffered meanwhile comes as one batch
        await connection.DisposeAsync();
    }
}
