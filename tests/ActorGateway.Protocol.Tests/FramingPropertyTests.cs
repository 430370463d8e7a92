using System.Buffers;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Messages;
using FsCheck;
using FsCheck.Fluent;

namespace ActorGateway.Protocol.Tests;

public sealed class FramingPropertyTests
{
    private static readonly Gen<(uint Type, byte[] Payload, string? Id)> FrameGen =
        from type in Gen.Elements(0u, 2400u, 60_000u, uint.MaxValue)
        from length in Gen.Choose(0, 300)
        from payload in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), length)
        from id in Gen.Elements<string?>(null, "", "1", "client-π-42")
        select (type, payload, id);

    private static readonly Arbitrary<((uint Type, byte[] Payload, string? Id)[] Frames, int[] Cuts)> StreamArb =
        (from frames in Gen.ArrayOf(FrameGen, 0).Zip(Gen.Choose(0, 12)).SelectMany(t => Gen.ArrayOf(FrameGen, t.Item2))
         from cuts in Gen.ArrayOf(Gen.Choose(1, 97), 40)
         select (frames, cuts)).ToArbitrary();

    [Fact]
    public void Any_stream_of_frames_cut_into_random_chunks_decodes_to_the_same_frames()
    {
        Prop.ForAll(StreamArb, input =>
        {
            var (frames, cuts) = input;
            var writer = new ArrayBufferWriter<byte>();
            foreach (var (type, payload, id) in frames)
            {
                FrameCodec.WriteRaw(writer, type, payload, id);
            }

            var decoded = ReadThroughPipe(writer.WrittenSpan.ToArray(), cuts);

            return decoded.Count == frames.Length && frames.Zip(decoded).All(p =>
                p.First.Type == p.Second.PayloadType && p.First.Id == p.Second.ClientMsgId && PayloadOf(p.Second).SequenceEqual(p.First.Payload));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Many_frames_in_one_buffer_are_all_read()
    {
        var writer = new ArrayBufferWriter<byte>();
        for (var i = 0; i < 1000; i++)
        {
            FrameCodec.WriteMessage(writer, new ProtoOAVersionRes { Version = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"{i}");
        }

        var decoded = ReadThroughPipe(writer.WrittenSpan.ToArray(), [int.MaxValue]);

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"{i}"), decoded.Select(m => ((ProtoOAVersionRes)m.Payload).Version));
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"{i}"), decoded.Select(m => m.ClientMsgId));
    }

    private static byte[] PayloadOf(OpenApiMessage message) => message.Payload switch
    {
        ProtoMessage raw => raw.Payload.ToByteArray(),
        var other => throw new InvalidOperationException($"unexpected {other.GetType().Name}"),
    };

    private static List<OpenApiMessage> ReadThroughPipe(byte[] bytes, int[] chunkSizes) =>
        ReadAll(new FrameReader(new ChunkedPipeReader(bytes, chunkSizes))).GetAwaiter().GetResult();

    private static async Task<List<OpenApiMessage>> ReadAll(FrameReader reader)
    {
        var messages = new List<OpenApiMessage>();
        while (await reader.ReadAsync() is { } message)
        {
            messages.Add(message);
        }

        return messages;
    }
}
