using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Messages;
using Google.Protobuf;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// The little a <see cref="Session.GatewaySession"/> asks before its spots flow: application auth, the token's account
/// list, account auth and the spot subscription, each answered with its clientMsgId. The flood server runs this until
/// the spot subscription, so the session and the raw client (whose greeting is a bare spot subscription) start alike.
/// </summary>
internal static class SpotFloodHandshake
{
    /// <summary>A spot subscription frame: what a raw client sends to be flooded.</summary>
    public static readonly byte[] Greeting = Encode(
        new ProtoOASubscribeSpotsReq { CtidTraderAccountId = BenchServer.AccountId, SymbolId = { 1 } }, null);

    /// <summary>Answers the client's requests until it subscribes to spots; false when it hung up first.</summary>
    public static async Task<bool> AnswerUntilSubscribedAsync(Socket client, CancellationToken cancellationToken)
    {
        // The reader may buffer what follows the subscription; after it a client sends only heartbeats, which the
        // flood does not need.
        var stream = new NetworkStream(client, ownsSocket: false);
        await using (stream.ConfigureAwait(false))
        {
            var input = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
            try
            {
                var reader = new FrameReader(input);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } request)
                {
                    if (Answer(request.Payload) is { } reply)
                    {
                        await client.SendAsync(Encode(reply, request.ClientMsgId), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                    }

                    if (request.Payload is ProtoOASubscribeSpotsReq)
                    {
                        return true;
                    }
                }

                return false;
            }
            finally
            {
                await input.CompleteAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The reply to a handshake request; null for anything else (heartbeats).</summary>
    private static IMessage? Answer(IMessage request) => request switch
    {
        ProtoOAApplicationAuthReq => new ProtoOAApplicationAuthRes(),
        ProtoOAGetAccountListByAccessTokenReq list => new ProtoOAGetAccountListByAccessTokenRes
        {
            AccessToken = list.AccessToken,
            PermissionScope = ProtoOAClientPermissionScope.ScopeTrade,
            CtidTraderAccount = { new ProtoOACtidTraderAccount { CtidTraderAccountId = (ulong)BenchServer.AccountId, IsLive = false } },
        },
        ProtoOAAccountAuthReq auth => new ProtoOAAccountAuthRes { CtidTraderAccountId = auth.CtidTraderAccountId },
        ProtoOASubscribeSpotsReq spots => new ProtoOASubscribeSpotsRes { CtidTraderAccountId = spots.CtidTraderAccountId },
        _ => null,
    };

    private static byte[] Encode(IMessage message, string? clientMsgId)
    {
        var writer = new ArrayBufferWriter<byte>();
        FrameCodec.WriteMessage(writer, message, clientMsgId);
        return writer.WrittenSpan.ToArray();
    }
}
