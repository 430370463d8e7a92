using ActorGateway.Protocol.Registry;
using Google.Protobuf;

namespace ActorGateway.Protocol.Tests.Fuzzing;

/// <summary>One frame the fuzzer starts from: the envelope's three fields, before any mutation.</summary>
/// <param name="PayloadType">The envelope's payload type.</param>
/// <param name="Payload">The serialized payload.</param>
/// <param name="ClientMsgId">The envelope's clientMsgId, if any.</param>
internal sealed record SeedFrame(uint PayloadType, byte[] Payload, string? ClientMsgId);

/// <summary>
/// The valid frames mutations start from: every payload type of the contract with every field set, the same messages
/// empty, and the crafted spot event whose trendbar announces 2 GiB. Mutating valid frames reaches deep into the payload
/// parsers, where purely random bytes are refused at the first tag.
/// </summary>
internal static class FuzzCorpus
{
    /// <summary>The crafted envelope (hex) of issue 15: a spot event whose trendbar field announces 2^31 - 1 bytes.</summary>
    public const string CraftedSpotEnvelope = "08D310120A1001180132FFFFFFFF07";

    public static IReadOnlyList<SeedFrame> Seeds { get; } = Build();

    private static SeedFrame[] Build()
    {
        var seeds = new List<SeedFrame>();
        foreach (var info in PayloadRegistry.All)
        {
            seeds.Add(new SeedFrame(info.PayloadType, SampleMessages.Full(info.Descriptor).ToByteArray(), $"full-{info.PayloadType}"));
            seeds.Add(new SeedFrame(info.PayloadType, [], null));
        }

        // The crafted envelope's own fields: payload type 2131 and the payload after its length byte.
        var crafted = Convert.FromHexString(CraftedSpotEnvelope);
        seeds.Add(new SeedFrame(2131, crafted[5..], null));
        return [.. seeds];
    }
}
