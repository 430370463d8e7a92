using ActorGateway.Actors;
using ActorGateway.TestKit;

namespace ActorGateway.Tests.Connection;

public sealed class ConnectionBreakTests : Akka.TestKit.Xunit2.TestKit
{
    [Fact]
    public async Task Break_keeps_the_first_reason_and_tells_the_actor_once()
    {
        var factory = new InMemoryTransportFactory();
        var transport = await factory.ConnectAsync("h", 1, CancellationToken.None);
        var actor = CreateTestProbe();
        var connection = new ActorGateway.Actors.Connection(transport, new GatewayEndpoint("h", 1), actor, new FakeTimeProvider(), 1024);
        var first = new GatewayConnectionException(ConnectionFailureKind.ServerSilent, "quiet");

        Assert.True(connection.Break(first));
        Assert.False(connection.Break(new GatewayConnectionException(ConnectionFailureKind.ConnectionLost, "later")));
        await connection.DisposeAsync();

        Assert.Same(first, connection.BreakReason);
        Assert.Same(connection, actor.ExpectMsg<ConnectionBroken>().Connection);
        actor.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        await transport.DisposeAsync();
    }

    [Fact]
    public void BreakIfSilent_breaks_only_once_the_silence_reaches_the_limit()
    {
        var time = new FakeTimeProvider();
        var connection = new ActorGateway.Actors.Connection(new NeverUsedTransport(), new GatewayEndpoint("h", 1), CreateTestProbe(), time, 1024);

        time.Advance(TimeSpan.FromSeconds(29.9));
        connection.BreakIfSilent(TimeSpan.FromSeconds(30), time.GetTimestamp());
        Assert.Null(connection.BreakReason);
        time.Advance(TimeSpan.FromSeconds(0.1));
        connection.BreakIfSilent(TimeSpan.FromSeconds(30), time.GetTimestamp());

        Assert.Equal(ConnectionFailureKind.ServerSilent, connection.BreakReason?.Kind);
    }

    private sealed class NeverUsedTransport : ActorGateway.Transport.ITransport
    {
        public System.IO.Pipelines.PipeReader Input => throw new NotSupportedException();

        public System.IO.Pipelines.PipeWriter Output => throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
