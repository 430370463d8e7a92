using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;
using ActorGateway.Tests.Support;

namespace ActorGateway.Tests.Connection;

public sealed class EventTests
{
    [Fact]
    public async Task MessageReceived_handler_that_throws_is_logged_and_the_connection_goes_on()
    {
        await using var harness = new ClientHarness();
        harness.Logs.Expect(1012);
        var received = new TestProbe<GatewayMessageEventArgs>();
        harness.Client.MessageReceived += (_, e) =>
        {
            received.Tell(e);
            throw new InvalidOperationException("handler bug");
        };
        var server = await harness.ConnectAsync();

        await server.SendAsync(new ProtoHeartbeatEvent());
        await server.SendAsync(new ProtoOASpotEvent { CtidTraderAccountId = 1, SymbolId = 9 });

        Assert.Equal(51u, (await received.ExpectAsync()).Message.PayloadType);
        Assert.IsType<ProtoOASpotEvent>((await received.ExpectAsync()).Message.Payload);
        var logged = await harness.Logs.WaitForAsync(e => e.EventId.Id == 1012);
        Assert.IsType<InvalidOperationException>(logged.Exception);
        await harness.RoundTripAsync(server);
    }

    [Fact]
    public async Task MessageReceived_handler_that_blocks_does_not_hold_up_replies()
    {
        await using var harness = new ClientHarness();
        var stuck = new StuckHandler();
        harness.Client.MessageReceived += stuck.Handle;
        var server = await harness.ConnectAsync();

        await server.SendAsync(new ProtoHeartbeatEvent());
        await stuck.Entered.OrTimeout();
        await harness.RoundTripAsync(server);
        stuck.Release();
    }

    [Fact]
    public async Task MessageReceived_queue_full_drops_new_events_and_says_so()
    {
        await using var harness = new ClientHarness(o => o.EventQueueCapacity = 2);
        harness.Logs.Expect(1013);
        var stuck = new StuckHandler();
        harness.Client.MessageReceived += stuck.Handle;
        var server = await harness.ConnectAsync();
        await server.SendAsync(new ProtoHeartbeatEvent());
        await stuck.Entered.OrTimeout(); // the first event is being handled; two more fit in the queue

        for (var i = 0; i < 4; i++)
        {
            await server.SendAsync(new ProtoOASpotEvent { CtidTraderAccountId = 1, SymbolId = i });
        }

        var dropped = await harness.Logs.WaitForAsync(
            e => e.EventId.Id == 1013 && e.Message.Contains("(2 dropped", StringComparison.Ordinal));
        stuck.Release();
        await harness.RoundTripAsync(server);
        Assert.Contains("GatewayMessageEventArgs", dropped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageReceived_payload_type_unknown_to_the_contract_arrives_raw_and_nothing_breaks()
    {
        await using var harness = new ClientHarness();
        var received = harness.ListenToMessages();
        var server = await harness.ConnectAsync();
        var frame = new System.Buffers.ArrayBufferWriter<byte>();
        Protocol.Framing.FrameCodec.WriteRaw(frame, 9999, [1, 2, 3], "from-a-newer-server");

        await server.SendBytesAsync(frame.WrittenMemory);

        var message = (await received.ExpectAsync()).Message;
        Assert.False(message.IsKnown);
        Assert.Equal((9999u, "from-a-newer-server"), (message.PayloadType, message.ClientMsgId));
        Assert.Equal([1, 2, 3], ((ProtoMessage)message.Payload).Payload.ToByteArray());
        await harness.RoundTripAsync(server);
    }

    [Fact]
    public async Task SendAsync_writes_the_envelope_as_given_and_its_reply_is_an_event()
    {
        await using var harness = new ClientHarness();
        var received = harness.ListenToMessages();
        var server = await harness.ConnectAsync();

        await harness.Client.SendAsync(Protocol.Envelope.Wrap(new ProtoOAVersionReq(), "my-own-id")).OrTimeout();
        var (_, id) = await server.ExpectAsync<ProtoOAVersionReq>();
        await server.SendAsync(new ProtoOAVersionRes { Version = "3" }, id);

        Assert.Equal("my-own-id", id);
        var reply = await received.ExpectAsync();
        Assert.Equal(("my-own-id", "3"), (reply.Message.ClientMsgId, ((ProtoOAVersionRes)reply.Message.Payload).Version));
    }

    /// <summary>A message handler that blocks in user code until released, on purpose.</summary>
    private sealed class StuckHandler
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => _entered.Task;

        public void Handle(object? sender, GatewayMessageEventArgs e)
        {
            _entered.TrySetResult();
            _release.Task.Wait();
        }

        public void Release() => _release.TrySetResult();
    }
}
