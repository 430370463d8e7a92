using System.Buffers;
using ActorGateway.Protocol.Framing;
using Xunit.Abstractions;

namespace ActorGateway.Protocol.Tests.Fuzzing;

/// <summary>
/// The decoder fuzzer: random and mutated frames through the frame reader and the decoder. A case may only end cleanly
/// or with a <see cref="ProtocolException"/>, must never wait on a stream that has ended, and may not allocate more than
/// its input justifies. 100,000 cases here; <c>ACTORGATEWAY_FUZZ_CASES=1000000</c> for the full run (see the README's
/// reliability section).
/// </summary>
public sealed class DecoderFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Mutated_frames_fail_only_with_ProtocolException_never_hang_and_allocate_only_for_what_they_carry()
    {
        var run = new FuzzRun(FuzzSettings.Seed, FuzzSettings.Cases);
        // A generous bound (a few seconds is normal): it turns an endless loop into a failure naming the case.
        var bound = TimeSpan.FromSeconds(30) + (TimeSpan.FromMilliseconds(1) * run.Cases);

        try
        {
            await run.RunAsync().WaitAsync(bound);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"seed {run.Seed}: still running case {run.Current} after {bound}: {FrameMutator.Create(run.Seed, run.Current)}", e);
        }

        output.WriteLine(run.Summary());
        Assert.True(run.Failures.Count == 0, string.Join(Environment.NewLine, run.Failures));
        // The mutations must reach every kind of error the reader and decoder can report, or the run proves little.
        foreach (var kind in new[] { ProtocolErrorKind.FrameTooLarge, ProtocolErrorKind.TruncatedFrame, ProtocolErrorKind.MalformedEnvelope,
            ProtocolErrorKind.MalformedPayload, ProtocolErrorKind.MissingRequiredField })
        {
            Assert.True((run.Kinds & (1 << (int)kind)) != 0, $"no case met {kind}: {run.Summary()}");
        }

        Assert.True(run.Messages > run.Cases / 10, $"too few cases decoded anything: {run.Summary()}");
    }

    [Fact]
    public void The_crafted_spot_event_is_a_malformed_payload_and_allocates_nothing_like_the_2_GiB_it_announces()
    {
        var frame = new ArrayBufferWriter<byte>();
        var envelope = Convert.FromHexString(FuzzCorpus.CraftedSpotEnvelope);
        FrameCodec.WriteEnvelope(frame, Messages.ProtoMessage.Parser.ParseFrom(envelope));
        var input = new FuzzCase(-1, frame.WrittenSpan.ToArray(), [int.MaxValue], FrameCodec.DefaultMaxFrameSize, ["crafted"]);

        var outcome = FuzzHarness.Run(input);

        Assert.Null(outcome.Failure);
        Assert.Equal(1 << (int)ProtocolErrorKind.MalformedPayload, outcome.Kinds);
        Assert.Equal("clean end", outcome.Ending);
        Assert.InRange(outcome.AllocatedBytes, 0, 64 * 1024);
    }

    [Fact]
    public void A_case_is_rebuilt_from_its_seed_and_number_alone()
    {
        var first = FrameMutator.Create(7, 12_345);
        var again = FrameMutator.Create(7, 12_345);
        var other = FrameMutator.Create(8, 12_345);

        Assert.Equal(first.Stream, again.Stream);
        Assert.Equal(first.Chunks, again.Chunks);
        Assert.Equal(first.Recipe, again.Recipe);
        Assert.NotEqual(first.ToString(), other.ToString());
    }
}
