using System.Threading.Channels;
using ActorGateway.Actors;
using ActorGateway.TestKit;

namespace ActorGateway.Tests.Connection;

public sealed class ConnectionBreakTests
{
    [Fact]
    public async Task Break_keeps_the_first_reason_and_tells_the_actor_once()
    {
        var factory = new InMemoryTransportFactory();
        var transport = await factory.ConnectAsync("h", 1, CancellationToken.None);
        var mailbox = Channel.CreateUnbounded<Mail>();
        var connection = new Actors.Connection(transport, new GatewayEndpoint("h", 1), mailbox.Writer, new FakeTimeProvider(), 1024);
        var first = new GatewayConnectionException(ConnectionFailureKind.ServerSilent, "quiet");

        Assert.True(connection.Break(first));
        Assert.False(connection.Break(new GatewayConnectionException(ConnectionFailureKind.ConnectionLost, "later")));
        Assert.True(connection.Closing.IsCancellationRequested);
        await connection.DisposeAsync();

        Assert.Same(first, connection.BreakReason);
        Assert.True(mailbox.Reader.TryRead(out var mail));
        Assert.IsType<ConnectionActor.ConnectionBroken>(mail.Message);
        Assert.False(mailbox.Reader.TryRead(out _));
        await transport.DisposeAsync();
    }

    [Fact]
    public void BreakIfSilent_breaks_only_once_the_silence_reaches_the_limit()
    {
        var time = new FakeTimeProvider();
        var mailbox = Channel.CreateUnbounded<Mail>();
        var connection = new Actors.Connection(new NeverUsedTransport(), new GatewayEndpoint("h", 1), mailbox.Writer, time, 1024);

        time.Advance(TimeSpan.FromSeconds(29.9));
        connection.BreakIfSilent(TimeSpan.FromSeconds(30));
        Assert.Null(connection.BreakReason);
        time.Advance(TimeSpan.FromSeconds(0.1));
        connection.BreakIfSilent(TimeSpan.FromSeconds(30));

        Assert.Equal(ConnectionFailureKind.ServerSilent, connection.BreakReason?.Kind);
    }

    private sealed class NeverUsedTransport : ActorGateway.Transport.ITransport
    {
        public System.IO.Pipelines.PipeReader Input => throw new NotSupportedException();

        public System.IO.Pipelines.PipeWriter Output => throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
