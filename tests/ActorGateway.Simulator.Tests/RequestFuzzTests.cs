using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Tests.Support;
using ActorGateway.TestKit;
using Google.Protobuf;

namespace ActorGateway.Simulator.Tests;

/// <summary>
/// Requests of every type with edge values, one at a time from an authorized client: each must be answered (a reply, an
/// error, an execution) under its own clientMsgId, or its connection closed; silence fails the test, naming the request.
/// </summary>
public sealed class RequestFuzzTests
{
    private const int Requests = 600;

    [Fact]
    public async Task Every_request_with_edge_values_is_answered_and_the_server_survives_them_all()
    {
        await using var host = await SimulatorHost.StartAsync(o => o.RateLimits.Enabled = false);
        var generator = new RandomRequests(seed: 15, SimulatorHost.Demo1);
        var client = await host.AuthorizedAsync();
        var closes = 0;

        for (var i = 0; i < Requests; i++)
        {
            var request = generator.Next();
            var id = $"f{i}";
            await client.SendAsync(request, id);
            if (!await AnsweredAsync(client, id, request))
            {
                closes++;
                client = await host.AuthorizedAsync();
            }
        }

        // The server is still whole: a fresh session is served.
        var last = await host.AuthorizedAsync();
        await last.SendAsync(new ProtoOAVersionReq(), "end");
        await last.ExpectAsync<ProtoOAVersionRes>("end");
        Assert.True(closes < Requests / 10, $"{closes} of {Requests} requests closed their connection");
        Assert.DoesNotContain(host.Logs, e => e.Contains("failed to handle", StringComparison.Ordinal));
    }

    // True once a message with the request's clientMsgId arrives; false when the server closed the connection instead.
    private static async Task<bool> AnsweredAsync(RawClient client, string id, IMessage request)
    {
        while (true)
        {
            OpenApiMessage? message;
            try
            {
                message = await client.ReceiveAnyAsync();
            }
            catch (TestKitException e)
            {
                throw new TestKitException($"no answer to {request.Descriptor.Name} {request}", e);
            }

            if (message is null)
            {
                return false;
            }

            if (message.Value.ClientMsgId == id)
            {
                return true;
            }
        }
    }
}
