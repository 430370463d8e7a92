using System.Buffers;
using System.Buffers.Binary;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Registry;

namespace ActorGateway.Protocol.Tests.Fuzzing;

/// <summary>
/// Builds fuzz cases from a seed: frames from <see cref="FuzzCorpus"/> whose payloads, envelopes and length prefixes are
/// mutated (bits flipped, bytes set to boundary values, cut short, lengths changed, nested lengths planted, payload types
/// swapped, slices spliced and repeated), or bytes drawn at random. Case <c>i</c> of seed <c>s</c> is always the same
/// bytes, so a failure is replayed from the two numbers it reports.
/// </summary>
internal static class FrameMutator
{
    // Length prefixes at and around the limits a reader must refuse before it buffers anything.
    private static readonly uint[] HugePrefixes = [0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, FrameCodec.DefaultMaxFrameSize + 1u];

    // Varints a nested length can announce: 2 GiB - 1, 2 GiB, 4 GiB - 1, ulong.MaxValue, and an 11-byte run that never ends.
    private static readonly byte[][] HugeVarints =
    [
        [0xFF, 0xFF, 0xFF, 0xFF, 0x07], [0x80, 0x80, 0x80, 0x80, 0x08], [0xFF, 0xFF, 0xFF, 0xFF, 0x0F],
        [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],
    ];

    private static readonly byte[] BoundaryBytes = [0x00, 0x01, 0x7F, 0x80, 0xFF];

    private static readonly int[] SmallLimits = [0, 1, 16, 64, 1024];

    public static FuzzCase Create(int seed, int index)
    {
        // One generator per case, seeded from the run's seed and the case's number: any case can be rebuilt alone.
        var random = new Random(HashCode.Combine(seed, index));
        var recipe = new List<string>();
        var stream = random.Next(20) == 0 ? RandomBytes(random, recipe) : MutatedFrames(random, recipe);
        var chunks = Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(4) == 0 ? int.MaxValue : random.Next(1, 64)).ToArray();
        var maxFrameSize = random.Next(8) == 0 ? SmallLimits[random.Next(SmallLimits.Length)] + 1 : FrameCodec.DefaultMaxFrameSize;
        return new FuzzCase(index, stream, chunks, maxFrameSize, recipe);
    }

    private static byte[] RandomBytes(Random random, List<string> recipe)
    {
        var bytes = new byte[random.Next(0, 200)];
        random.NextBytes(bytes);
        recipe.Add("random bytes");
        return bytes;
    }

    private static byte[] MutatedFrames(Random random, List<string> recipe)
    {
        var writer = new ArrayBufferWriter<byte>();
        var frames = random.Next(1, 4);
        for (var i = 0; i < frames; i++)
        {
            var seed = FuzzCorpus.Seeds[random.Next(FuzzCorpus.Seeds.Count)];
            var payload = seed.Payload;
            var type = seed.PayloadType;
            if (random.Next(3) == 0)
            {
                payload = MutatePayload(random, payload, recipe);
            }

            if (random.Next(6) == 0)
            {
                type = random.Next(2) == 0 ? PayloadRegistry.All[random.Next(PayloadRegistry.All.Count)].PayloadType : (uint)random.NextInt64(0, 1L << 32);
                recipe.Add($"payload type {type}");
            }

            FrameCodec.WriteRaw(writer, type, payload, seed.ClientMsgId);
        }

        var stream = writer.WrittenSpan.ToArray();
        var mutations = random.Next(0, 4);
        for (var i = 0; i < mutations; i++)
        {
            stream = MutateStream(random, stream, recipe);
        }

        return stream;
    }

    private static byte[] MutatePayload(Random random, byte[] payload, List<string> recipe)
    {
        var at = random.Next(payload.Length + 1);
        switch (random.Next(5))
        {
            case 0:
                // A length-delimited field of an unused number announcing a huge length, planted anywhere.
                var huge = HugeVarints[random.Next(HugeVarints.Length)];
                recipe.Add($"nested length {Convert.ToHexString(huge)} at {at}");
                return [.. payload.AsSpan(0, at), 0xFA, 0x3E, .. huge, .. payload.AsSpan(at)];
            case 1 when payload.Length > 0:
                // An existing byte made a huge varint: any length it was becomes one the payload cannot hold.
                var replaced = HugeVarints[random.Next(HugeVarints.Length)];
                var index = Math.Min(at, payload.Length - 1);
                recipe.Add($"byte {index} made {Convert.ToHexString(replaced)}");
                return [.. payload.AsSpan(0, index), .. replaced, .. payload.AsSpan(index + 1)];
            case 2:
                // Groups of an unused field nested deeper than any parser's recursion limit, closed or not.
                var depth = random.Next(50, 400);
                var closed = random.Next(2) == 0;
                recipe.Add($"{depth} nested groups{(closed ? "" : ", unclosed")}");
                var groups = Enumerable.Repeat<byte[]>([0xFB, 0x3E], depth).SelectMany(g => g)
                    .Concat(closed ? Enumerable.Repeat<byte[]>([0xFC, 0x3E], depth).SelectMany(g => g) : []);
                return [.. payload.AsSpan(0, at), .. groups, .. payload.AsSpan(at)];
            case 3:
                recipe.Add($"payload cut to {at}");
                return payload[..at];
            default:
                return Flip(random, payload, 0, recipe);
        }
    }

    private static byte[] MutateStream(Random random, byte[] stream, List<string> recipe)
    {
        switch (random.Next(7))
        {
            case 0 when stream.Length >= FrameCodec.HeaderSize:
                var prefix = random.Next(3) switch
                {
                    0 => HugePrefixes[random.Next(HugePrefixes.Length)],
                    1 => (uint)Math.Max(0, BinaryPrimitives.ReadInt32BigEndian(stream) + random.Next(-3, 4)),
                    _ => (uint)random.NextInt64(0, 1L << 32),
                };
                recipe.Add($"prefix {prefix:X8}");
                var copy = (byte[])stream.Clone();
                BinaryPrimitives.WriteUInt32BigEndian(copy, prefix);
                return copy;
            case 1:
                var cut = random.Next(stream.Length + 1);
                recipe.Add($"stream cut to {cut}");
                return stream[..cut];
            case 2 when stream.Length > 0:
                // A slice repeated in place: duplicated fields, or a frame's tail read as the next frame's prefix.
                var from = random.Next(stream.Length);
                var length = random.Next(1, Math.Min(64, stream.Length - from) + 1);
                recipe.Add($"{length} bytes at {from} repeated");
                return [.. stream.AsSpan(0, from + length), .. stream.AsSpan(from)];
            case 3 when stream.Length > 0:
                var removeAt = random.Next(stream.Length);
                var removed = random.Next(1, Math.Min(16, stream.Length - removeAt) + 1);
                recipe.Add($"{removed} bytes at {removeAt} removed");
                return [.. stream.AsSpan(0, removeAt), .. stream.AsSpan(removeAt + removed)];
            default:
                return Flip(random, stream, FrameCodec.HeaderSize, recipe);
        }
    }

    private static byte[] Flip(Random random, byte[] bytes, int start, List<string> recipe)
    {
        if (bytes.Length <= start)
        {
            return bytes;
        }

        var copy = (byte[])bytes.Clone();
        var at = random.Next(start, copy.Length);
        if (random.Next(2) == 0)
        {
            var bit = random.Next(8);
            copy[at] ^= (byte)(1 << bit);
            recipe.Add($"bit {bit} of byte {at} flipped");
        }
        else
        {
            copy[at] = BoundaryBytes[random.Next(BoundaryBytes.Length)];
            recipe.Add($"byte {at} set to {copy[at]:X2}");
        }

        return copy;
    }
}
