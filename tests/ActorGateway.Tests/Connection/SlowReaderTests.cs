using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;
using ActorGateway.Tests.Support;

namespace ActorGateway.Tests.Connection;

public sealed class SlowReaderTests
{
    [Fact]
    public async Task Writes_held_back_by_a_server_that_stopped_reading_all_arrive_in_order_once_it_reads()
    {
        const int Requests = 1_000;
        await using var harness = new ClientHarness(o => o.Throttle.Enabled = false);
        var server = await harness.ConnectAsync();
        long[] symbols = [.. Enumerable.Range(1, 500).Select(i => (long)i)];

        // About 1.5 MB: more than the transport buffers, so a write waits for the server to read before it completes.
        var asks = Enumerable.Range(0, Requests).Select(i => harness.Client.AskAsync<ProtoOASymbolByIdRes>(
            new ProtoOASymbolByIdReq { CtidTraderAccountId = i, SymbolId = { symbols } }, TimeSpan.FromHours(1))).ToList();
        for (var i = 0; i < Requests; i++)
        {
            Assert.Equal(i, (await server.ExpectAsync<ProtoOASymbolByIdReq>()).Message.CtidTraderAccountId);
        }

        await harness.RoundTripAsync(server); // the connection still serves after the held write completed
        Assert.Equal(ConnectionState.Connected, harness.Client.State);
        Assert.DoesNotContain(asks, a => a.IsCompleted);
    }
}
