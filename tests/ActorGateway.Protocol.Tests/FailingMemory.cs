using System.Buffers;

namespace ActorGateway.Protocol.Tests;

/// <summary>Memory whose bytes cannot be read: every look at them throws the given exception.</summary>
internal sealed class FailingMemory(Exception failure, int length = 16) : MemoryManager<byte>
{
    // Not the base property, which looks at the span to learn the length.
    public override Memory<byte> Memory => CreateMemory(0, length);

    public override Span<byte> GetSpan() => throw failure;

    public override MemoryHandle Pin(int elementIndex = 0) => throw failure;

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}
