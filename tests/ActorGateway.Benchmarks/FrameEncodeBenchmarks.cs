using System.Buffers;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Messages;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;

namespace ActorGateway.Benchmarks;

/// <summary>
/// Framing one request into a reused buffer, against the baseline every client without an in-place encoder pays: build a
/// <see cref="ProtoMessage"/> around a serialized copy of the payload, serialize that, then copy it after a prefix.
/// </summary>
[MemoryDiagnoser]
public class FrameEncodeBenchmarks
{
    private readonly ArrayBufferWriter<byte> _writer = new(64 * 1024);
    private readonly ProtoOANewOrderReq _order = new()
    {
        CtidTraderAccountId = 4_000_123,
        SymbolId = 1,
        OrderType = ProtoOAOrderType.Limit,
        TradeSide = ProtoOATradeSide.Buy,
        Volume = 100_000,
        LimitPrice = 1.08123,
        ClientOrderId = "order-000001",
    };

    [Benchmark(Baseline = true)]
    public int Envelope_then_copy()
    {
        _writer.ResetWrittenCount();
        var envelope = new ProtoMessage { PayloadType = 2106, Payload = _order.ToByteString(), ClientMsgId = "123456" };
        var bytes = envelope.ToByteArray();
        var span = _writer.GetSpan(bytes.Length + 4);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(span, bytes.Length);
        bytes.CopyTo(span[4..]);
        _writer.Advance(bytes.Length + 4);
        return _writer.WrittenCount;
    }

    [Benchmark]
    public int FrameCodec_in_place()
    {
        _writer.ResetWrittenCount();
        return FrameCodec.WriteMessage(_writer, _order, "123456");
    }
}
