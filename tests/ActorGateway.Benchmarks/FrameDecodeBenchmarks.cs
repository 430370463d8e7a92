using System.Buffers;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Messages;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;

namespace ActorGateway.Benchmarks;

/// <summary>
/// Decoding a read buffer of 100 spot-event frames, against the baseline of parsing each envelope into a
/// <see cref="ProtoMessage"/> and then its payload copy into the typed message.
/// </summary>
[MemoryDiagnoser]
public class FrameDecodeBenchmarks
{
    private const int FramesPerBuffer = 100;
    private byte[] _buffer = [];

    [GlobalSetup]
    public void Setup()
    {
        var writer = new ArrayBufferWriter<byte>();
        for (var i = 0; i < FramesPerBuffer; i++)
        {
            var spot = new ProtoOASpotEvent
            {
                CtidTraderAccountId = 4_000_123, SymbolId = 1 + (i % 10), Bid = 108_123ul + (ulong)i, Ask = 108_135ul + (ulong)i,
            };
            FrameCodec.WriteMessage(writer, spot);
        }

        _buffer = writer.WrittenSpan.ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = FramesPerBuffer)]
    public long Envelope_then_payload()
    {
        long sum = 0;
        var buffer = new ReadOnlySequence<byte>(_buffer);
        while (FrameCodec.TryReadFrame(ref buffer, FrameCodec.DefaultMaxFrameSize, out var frame))
        {
            var envelope = ProtoMessage.Parser.ParseFrom(frame);
            sum += ProtoOASpotEvent.Parser.ParseFrom(envelope.Payload).SymbolId;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = FramesPerBuffer)]
    public long MessageDecoder_in_place()
    {
        long sum = 0;
        var buffer = new ReadOnlySequence<byte>(_buffer);
        while (FrameCodec.TryReadFrame(ref buffer, FrameCodec.DefaultMaxFrameSize, out var frame))
        {
            sum += ((ProtoOASpotEvent)MessageDecoder.Decode(frame).Payload).SymbolId;
        }

        return sum;
    }
}
