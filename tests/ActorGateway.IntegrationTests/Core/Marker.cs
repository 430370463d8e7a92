using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;

namespace ActorGateway.IntegrationTests.Core;

/// <summary>
/// Knowing a request has been written without watching the socket: a raw envelope sent after it through the same FIFO
/// queue completes only once written, so when it has, everything queued before it has gone out too.
/// </summary>
internal static class Marker
{
    public const string Id = "written-marker";

    public static Task WrittenEverythingQueuedAsync(this IGatewayClient client) =>
        client.SendAsync(Envelope.Wrap(new ProtoOAVersionReq(), Id)).OrTimeout();
}
