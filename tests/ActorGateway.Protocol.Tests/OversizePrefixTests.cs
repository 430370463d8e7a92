using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using ActorGateway.Protocol.Framing;

namespace ActorGateway.Protocol.Tests;

/// <summary>
/// Length prefixes above the limit are refused on their four bytes, before anything is allocated for the body they
/// announce: 4 GiB, 2 GiB (the first value that is negative as an int) and one byte over the configured maximum.
/// </summary>
public sealed class OversizePrefixTests
{
    // Only the exception and its message: far below one page of the body, let alone the 16 MiB to 4 GiB announced.
    private const long MostAllocated = 16 * 1024;

    public static TheoryData<uint, int> Prefixes => new()
    {
        { 0xFFFFFFFF, FrameCodec.DefaultMaxFrameSize },
        { 0x80000000, FrameCodec.DefaultMaxFrameSize },
        { FrameCodec.DefaultMaxFrameSize + 1u, FrameCodec.DefaultMaxFrameSize },
        { 1025, 1024 },
    };

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void TryReadFrame_refuses_the_prefix_before_allocating_for_the_body(uint prefix, int maxFrameSize)
    {
        var buffer = new ReadOnlySequence<byte>(Prefix(prefix));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<ProtocolException>(() => FrameCodec.TryReadFrame(ref buffer, maxFrameSize, out _));

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, MostAllocated);
        Assert.Equal((ProtocolErrorKind.FrameTooLarge, true), (error.Kind, error.BreaksStream));
        Assert.Contains(prefix.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task A_reader_on_an_open_stream_refuses_the_prefix_without_waiting_for_the_body(uint prefix, int maxFrameSize)
    {
        // The writer stays open after the prefix: a reader that waited to buffer the body would never return.
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Prefix(prefix));
        var reader = new FrameReader(pipe.Reader, maxFrameSize);
        var before = GC.GetAllocatedBytesForCurrentThread();

        // The prefix is already in the pipe, so the read completes on this thread and its allocations are counted here.
        var read = reader.ReadAsync();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(read.IsCompleted, "the reader waited for a body it should have refused");
        var error = await Assert.ThrowsAsync<ProtocolException>(() => read.AsTask());
        Assert.Equal(ProtocolErrorKind.FrameTooLarge, error.Kind);
        Assert.InRange(allocated, 0, MostAllocated);
    }

    private static byte[] Prefix(uint length)
    {
        var bytes = new byte[FrameCodec.HeaderSize];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, length);
        return bytes;
    }
}
