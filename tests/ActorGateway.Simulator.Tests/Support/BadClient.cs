using System.Buffers.Binary;
using System.Net.Sockets;
using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;

namespace ActorGateway.Simulator.Tests.Support;

/// <summary>
/// The clients of a storm: each kind does one bad thing and checks the server answered it with an error, a close or a
/// reset, never silence (every wait is bounded by <see cref="TestTimeouts"/>).
/// </summary>
internal static class BadClient
{
    public const int Kinds = 5;

    private static readonly byte[] Zeros = new byte[64 * 1024];

    /// <summary>
    /// Runs bad client number <paramref name="index"/>; the kind is the number modulo <see cref="Kinds"/>. Throws when the
    /// server answered wrongly or not in time.
    /// </summary>
    /// <returns>True when the server answered as the kind expects, false when it refused the connection.</returns>
    public static async Task<bool> RunAsync(StormTarget target, int index)
    {
        try
        {
            await ((index % Kinds) switch
            {
                0 => SendAndExpectErrorOrCloseAsync(target, Frame([0x80])), // a tag varint that never ends
                1 => SendAndExpectErrorOrCloseAsync(target, [0xFF, 0xFF, 0xFF, 0xFF]), // a 4 GiB frame announced
                2 => MalformedPayloadAsync(target),
                3 => ConnectAndLeaveAsync(target),
                _ => UnauthenticatedBurstAsync(target),
            });
            return true;
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            // Reset by the server, full or closing on us: a refusal, which is an answer.
            return false;
        }
    }

    /// <summary>
    /// Sends the first <paramref name="bytes"/> of a 16 MiB frame and holds the connection until <paramref name="release"/>:
    /// the partial frames the shared budget exists for. The server may refuse it at once (budget full, or no slot left).
    /// </summary>
    public static async Task HogAsync(StormTarget target, int bytes, Task release)
    {
        try
        {
            await using var client = await target.ConnectAsync();
            var prefix = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(prefix, 16 * 1024 * 1024);
            await client.SendRawAsync(prefix);
            // The body in slices of one shared block of zeros: the test's own memory stays out of the figures.
            for (var left = bytes - prefix.Length; left > 0; left -= Zeros.Length)
            {
                await client.SendRawAsync(Zeros.AsMemory(0, Math.Min(left, Zeros.Length)));
            }

            // Held, unread, until the storm is over (or closed by the server meanwhile, which this does not watch).
            await release.OrTimeout(TestTimeouts.Dilated(TimeSpan.FromSeconds(120)));
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            // Refused: the budget or the connection cap doing its work.
        }
    }

    private static async Task SendAndExpectErrorOrCloseAsync(StormTarget target, byte[] bytes)
    {
        await using var client = await target.ConnectAsync();
        await client.SendRawAsync(bytes);
        if (await client.ReceiveAnyAsync() is { } reply)
        {
            Assert.IsType<ProtoErrorRes>(reply.Payload);
            await client.ExpectClosedAsync();
        }
    }

    private static async Task MalformedPayloadAsync(StormTarget target)
    {
        await using var client = await target.ConnectAsync();
        // ApplicationAuthReq (2100) whose clientId string announces 127 bytes and carries one.
        await client.SendRawAsync(Frame([0x08, 0xB4, 0x10, 0x12, 0x03, 0x1A, 0x7F, 0x41, 0x1A, 0x03, 0x62, 0x61, 0x64]));
        var error = await client.ExpectAsync<ProtoErrorRes>("bad");
        Assert.Equal("INVALID_REQUEST", error.ErrorCode);
    }

    private static async Task ConnectAndLeaveAsync(StormTarget target)
    {
        // A bare TCP connection that never starts its TLS handshake, then goes.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(target.EndPoint).OrTimeout();
    }

    private static async Task UnauthenticatedBurstAsync(StormTarget target)
    {
        await using var client = await target.ConnectAsync();
        for (var i = 0; i < 20; i++)
        {
            await client.SendAsync(new ProtoOAVersionReq(), "burst");
        }

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal("CH_CLIENT_NOT_AUTHENTICATED", (await client.ExpectAsync<ProtoOAErrorRes>("burst")).ErrorCode);
        }
    }

    private static byte[] Frame(byte[] envelope)
    {
        var frame = new byte[4 + envelope.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)envelope.Length);
        envelope.CopyTo(frame, 4);
        return frame;
    }
}
