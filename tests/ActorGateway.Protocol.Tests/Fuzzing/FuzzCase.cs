namespace ActorGateway.Protocol.Tests.Fuzzing;

/// <summary>One input of the fuzzer: a byte stream, how it is cut into reads, and the frame limit it is read with.</summary>
/// <param name="Index">The case's number within its run; with the run's seed it rebuilds the case.</param>
/// <param name="Stream">The bytes of the stream, length prefixes included.</param>
/// <param name="Chunks">The sizes of the reads the stream arrives in (cycling).</param>
/// <param name="MaxFrameSize">The reader's largest accepted frame.</param>
/// <param name="Recipe">The mutations applied, in order, for a failure report.</param>
internal sealed record FuzzCase(int Index, byte[] Stream, int[] Chunks, int MaxFrameSize, IReadOnlyList<string> Recipe)
{
    public override string ToString()
    {
        var shown = Stream.Length <= 256 ? Convert.ToHexString(Stream) : Convert.ToHexString(Stream, 0, 256) + "...";
        return $"case {Index} ({string.Join(", ", Recipe)}; {Stream.Length} bytes, max frame {MaxFrameSize}): {shown}";
    }
}
