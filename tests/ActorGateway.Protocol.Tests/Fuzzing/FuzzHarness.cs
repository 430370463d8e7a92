using System.Buffers;
using ActorGateway.Protocol.Framing;

namespace ActorGateway.Protocol.Tests.Fuzzing;

/// <summary>What one case did: how it ended, the failure if it broke the contract, and what reading it allocated.</summary>
/// <param name="Ending">The last outcome: "clean end", or the kind of the protocol error that ended the stream.</param>
/// <param name="Failure">Null when the case kept the contract; otherwise what went wrong.</param>
/// <param name="AllocatedBytes">Bytes allocated on the reading thread while the case ran.</param>
/// <param name="Messages">Messages decoded.</param>
/// <param name="Kinds">The <see cref="ProtocolErrorKind"/>s met, one bit each.</param>
internal readonly record struct FuzzOutcome(string Ending, string? Failure, long AllocatedBytes, int Messages, int Kinds);

/// <summary>
/// Runs one case through the frame reader (in the chunks the case says) and the envelope decoder, and checks the contract:
/// every failure is a <see cref="ProtocolException"/>, the reader never waits on a stream that has ended, and it never
/// reads more messages than the stream has room for. Everything runs synchronously on the calling thread, so the
/// thread's allocation counter measures exactly what the decoder allocated.
/// </summary>
internal static class FuzzHarness
{
    public static FuzzOutcome Run(FuzzCase input)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        string ending;
        string? failure;
        var messages = 0;
        var kinds = 0;
        try
        {
            (ending, failure) = ReadStream(input, ref messages, ref kinds);
            failure ??= DecodeFirstBody(input.Stream, ref kinds);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            (ending, failure) = ("threw", $"{e.GetType().Name}: {e.Message}");
        }

        return new FuzzOutcome(ending, failure, GC.GetAllocatedBytesForCurrentThread() - before, messages, kinds);
    }

    private static (string Ending, string? Failure) ReadStream(FuzzCase input, ref int messages, ref int kinds)
    {
        var reader = new FrameReader(new ChunkedPipeReader(input.Stream, input.Chunks), input.MaxFrameSize);
        // Every frame takes at least its four prefix bytes: a reader returning more messages than that is looping.
        var most = (input.Stream.Length / FrameCodec.HeaderSize) + 1;
        for (var read = 0; read <= most; read++)
        {
            var next = reader.ReadAsync();
            if (!next.IsCompleted)
            {
                return ("waiting", "the reader waits for bytes on a stream that has ended");
            }

            try
            {
                if (next.Result is null)
                {
                    return ("clean end", null);
                }

                messages++;
            }
            catch (ProtocolException e) when (e.BreaksStream)
            {
                kinds |= 1 << (int)e.Kind;
                return (e.Kind.ToString(), null);
            }
            catch (ProtocolException e)
            {
                kinds |= 1 << (int)e.Kind;
                // Only that message is lost: reading goes on, as a connection's read loop does.
            }
        }

        return ("looping", $"the reader returned more than {most} results from {input.Stream.Length} bytes");
    }

    // The bytes after the first prefix decoded as one frame, whatever the prefix said: mutated prefixes would otherwise
    // keep many mutated bodies from the decoder.
    private static string? DecodeFirstBody(byte[] stream, ref int kinds)
    {
        if (stream.Length < FrameCodec.HeaderSize)
        {
            return null;
        }

        try
        {
            MessageDecoder.Decode(new ReadOnlySequence<byte>(stream, FrameCodec.HeaderSize, stream.Length - FrameCodec.HeaderSize));
        }
        catch (ProtocolException e)
        {
            // The typed error the contract promises.
            kinds |= 1 << (int)e.Kind;
        }

        return null;
    }
}
