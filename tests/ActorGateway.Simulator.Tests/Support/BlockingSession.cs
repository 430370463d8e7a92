using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using Google.Protobuf;

namespace ActorGateway.Simulator.Tests.Support;

/// <summary>
/// A well-behaved client with blocking I/O, for a thread of its own: its timings measure the server, not the test's
/// thread pool, which a storm's own clients crowd. Every socket wait is bounded by the socket's timeouts.
/// </summary>
internal static class BlockingSession
{
    private static readonly int SocketTimeoutMs = (int)ActorGateway.TestKit.TestTimeouts.Default.TotalMilliseconds;

    /// <summary>
    /// One whole session, as a strategy restarting would open it: TLS handshake (trusting exactly the server's
    /// certificate), application and account auth, the version and the symbol list. Returns how long it took.
    /// </summary>
    public static TimeSpan Run(SimulatorServer server) => Run(server, out _);

    /// <summary>As <see cref="Run(SimulatorServer)"/>, also telling how much of it was the connect and TLS handshake.</summary>
    public static TimeSpan Run(SimulatorServer server, out TimeSpan handshake)
    {
        var started = Stopwatch.GetTimestamp();
        using var tcp = new TcpClient { NoDelay = true, ReceiveTimeout = SocketTimeoutMs, SendTimeout = SocketTimeoutMs };
        tcp.Connect(server.EndPoint);
        var expected = server.Certificate!.GetCertHashString();
        using var tls = new SslStream(tcp.GetStream(), false, (_, certificate, _, _) => certificate?.GetCertHashString() == expected);
        tls.AuthenticateAsClient("localhost");
        handshake = Stopwatch.GetElapsedTime(started);
        Ask<ProtoOAApplicationAuthRes>(tls, SimulatorHost.AppAuth(), "app");
        Ask<ProtoOAAccountAuthRes>(tls, SimulatorHost.AccountAuth(SimulatorHost.Demo1), "acct");
        Ask<ProtoOAVersionRes>(tls, new ProtoOAVersionReq(), "v");
        var symbols = Ask<ProtoOASymbolsListRes>(tls, new ProtoOASymbolsListReq { CtidTraderAccountId = SimulatorHost.Demo1 }, "s");
        Assert.NotEmpty(symbols.Symbol);
        return Stopwatch.GetElapsedTime(started);
    }

    private static T Ask<T>(Stream stream, IMessage request, string id) where T : IMessage
    {
        var frame = new ArrayBufferWriter<byte>();
        FrameCodec.WriteMessage(frame, request, id);
        stream.Write(frame.WrittenSpan);
        while (true)
        {
            var reply = Read(stream);
            if (reply.PayloadType != PayloadRegistry.HeartbeatEvent)
            {
                Assert.Equal(id, reply.ClientMsgId);
                return Assert.IsType<T>(reply.Payload);
            }
        }
    }

    private static OpenApiMessage Read(Stream stream)
    {
        Span<byte> prefix = stackalloc byte[FrameCodec.HeaderSize];
        stream.ReadExactly(prefix);
        var body = new byte[BinaryPrimitives.ReadUInt32BigEndian(prefix)];
        stream.ReadExactly(body);
        return MessageDecoder.Decode(new ReadOnlySequence<byte>(body));
    }
}
