using System.Buffers;
using System.IO.Pipelines;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Messages;

namespace ActorGateway.Protocol.Tests;

/// <summary>What each kind of bad input does: a typed error, and nothing read before it is lost.</summary>
public sealed class FramingErrorTests
{
    [Fact]
    public async Task A_length_prefix_of_0xFFFFFFFF_is_rejected_as_soon_as_its_four_bytes_arrive()
    {
        // The writer sends only the prefix and keeps the stream open: a reader that waited to buffer the announced
        // 4 GiB body would hang here instead of failing.
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF });
        var reader = new FrameReader(pipe.Reader);

        var error = await Assert.ThrowsAsync<ProtocolException>(() => reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(ProtocolErrorKind.FrameTooLarge, error.Kind);
        Assert.True(error.BreaksStream);
        Assert.Contains("4294967295", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejecting_an_oversized_prefix_allocates_nothing_for_the_body()
    {
        var buffer = new ReadOnlySequence<byte>([0x7F, 0xFF, 0xFF, 0xFF]);
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.Throws<ProtocolException>(() => FrameCodec.TryReadFrame(ref buffer, FrameCodec.DefaultMaxFrameSize, out _));

        // Only the exception and its message: far below even one page, let alone the 2 GiB announced.
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 16 * 1024);
    }

    [Fact]
    public void The_maximum_frame_size_is_inclusive()
    {
        var atLimit = new ReadOnlySequence<byte>(new byte[] { 0, 0, 4, 0 }.Concat(new byte[1024]).ToArray());
        var overLimit = new ReadOnlySequence<byte>([0, 0, 4, 1]);

        Assert.True(FrameCodec.TryReadFrame(ref atLimit, 1024, out var frame));
        Assert.Equal(1024, frame.Length);
        var error = Assert.Throws<ProtocolException>(() => FrameCodec.TryReadFrame(ref overLimit, 1024, out _));
        Assert.Equal(ProtocolErrorKind.FrameTooLarge, error.Kind);
    }

    [Fact]
    public void An_incomplete_frame_is_left_in_the_buffer_until_the_rest_arrives()
    {
        var bytes = Frames.Encode(new ProtoOAVersionReq(), "1");
        var partial = new ReadOnlySequence<byte>(bytes, 0, bytes.Length - 1);

        Assert.False(FrameCodec.TryReadFrame(ref partial, FrameCodec.DefaultMaxFrameSize, out _));
        Assert.Equal(bytes.Length - 1, partial.Length);
    }

    [Fact]
    public async Task A_stream_ending_inside_a_frame_reports_truncation_after_the_complete_frames()
    {
        var first = Frames.Encode(new ProtoOAVersionReq(), "1");
        var second = Frames.Encode(new ProtoOAVersionReq(), "2");
        var reader = new FrameReader(new ChunkedPipeReader([.. first, .. second.AsSpan(0, 6)], [5]));

        var complete = await reader.ReadAsync();
        var error = await Assert.ThrowsAsync<ProtocolException>(() => reader.ReadAsync().AsTask());

        Assert.Equal("1", complete?.ClientMsgId);
        Assert.Equal(ProtocolErrorKind.TruncatedFrame, error.Kind);
        Assert.Contains("6 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_ending_on_a_frame_boundary_ends_cleanly()
    {
        var reader = new FrameReader(new ChunkedPipeReader(Frames.Encode(new ProtoHeartbeatEvent()), [3]));

        Assert.NotNull(await reader.ReadAsync());
        Assert.Null(await reader.ReadAsync());
    }

    [Theory]
    [InlineData(new byte[] { 0x12, 0x00 }, "payloadType is missing")]          // no payloadType
    [InlineData(new byte[] { 0x80 }, "cut short")]                                // tag varint never ends
    [InlineData(new byte[] { 0x08 }, "not a valid uint32")]                       // tag without value
    [InlineData(new byte[] { 0x08, 0x33, 0x12, 0x05, 0x01 }, "runs past")]       // payload longer than the frame
    [InlineData(new byte[] { 0x0A, 0x00 }, "wire type")]                         // payloadType as bytes
    [InlineData(new byte[] { 0x08, 0x33, 0x1A, 0x01, 0xFF }, "UTF-8")]          // clientMsgId not UTF-8
    [InlineData(new byte[] { 0x08, 0x33, 0x23 }, "cannot be skipped")]           // unknown field 4 as a group
    public void A_malformed_envelope_is_a_stream_breaking_error(byte[] frame, string reason)
    {
        var error = Assert.Throws<ProtocolException>(() => MessageDecoder.Decode(new ReadOnlySequence<byte>(frame)));

        Assert.Equal(ProtocolErrorKind.MalformedEnvelope, error.Kind);
        Assert.True(error.BreaksStream);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_payload_fails_that_message_only_and_reading_goes_on()
    {
        var writer = new ArrayBufferWriter<byte>();
        FrameCodec.WriteRaw(writer, 2105, [0x12, 0x09, 0x41], "bad"); // VersionRes whose version string runs off the end
        FrameCodec.WriteMessage(writer, new ProtoOAVersionRes { Version = "ok" }, "good");
        var reader = new FrameReader(new ChunkedPipeReader(writer.WrittenSpan.ToArray(), [int.MaxValue]));

        var error = await Assert.ThrowsAsync<ProtocolException>(() => reader.ReadAsync().AsTask());
        var next = await reader.ReadAsync();

        Assert.Equal(ProtocolErrorKind.MalformedPayload, error.Kind);
        Assert.False(error.BreaksStream);
        Assert.Equal((2105u, "bad"), (error.PayloadType!.Value, error.ClientMsgId));
        Assert.Equal(new byte[] { 0x12, 0x09, 0x41 }, error.RawEnvelope?.Payload.ToByteArray());
        Assert.Equal("ok", Assert.IsType<ProtoOAVersionRes>(next?.Payload).Version);
    }

    [Fact]
    public async Task TryRead_takes_only_frames_already_buffered_and_goes_on_after_a_bad_payload()
    {
        var writer = new ArrayBufferWriter<byte>();
        FrameCodec.WriteMessage(writer, new ProtoOAVersionRes { Version = "1" }, "a");
        FrameCodec.WriteRaw(writer, 2105, [0x12, 0x09, 0x41], "bad");
        FrameCodec.WriteMessage(writer, new ProtoOAVersionRes { Version = "2" }, "b");
        var complete = writer.WrittenSpan.ToArray();
        var pipe = new Pipe();
        var reader = new FrameReader(pipe.Reader);

        Assert.False(reader.TryRead(out _)); // nothing read from the pipe yet
        await pipe.Writer.WriteAsync(complete.AsMemory(0, complete.Length - 1)); // the last frame is one byte short
        var first = await reader.ReadAsync();
        var error = Assert.Throws<ProtocolException>(() => reader.TryRead(out _));
        var short1 = reader.TryRead(out _);
        await pipe.Writer.WriteAsync(complete.AsMemory(complete.Length - 1));
        var last = await reader.ReadAsync();

        Assert.Equal("a", first?.ClientMsgId);
        Assert.Equal((ProtocolErrorKind.MalformedPayload, false, "bad"), (error.Kind, error.BreaksStream, error.ClientMsgId));
        Assert.False(short1);
        Assert.Equal("2", Assert.IsType<ProtoOAVersionRes>(last?.Payload).Version);
    }
}
