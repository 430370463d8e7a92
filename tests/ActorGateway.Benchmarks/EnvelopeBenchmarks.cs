using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;

namespace ActorGateway.Benchmarks;

/// <summary>Wrapping and unwrapping through the registry, against hand-written code that already knows the type.</summary>
[MemoryDiagnoser]
public class EnvelopeBenchmarks
{
    private readonly ProtoOAReconcileReq _request = new() { CtidTraderAccountId = 4_000_123 };
    private ProtoMessage _envelope = new();

    [GlobalSetup]
    public void Setup() => _envelope = Envelope.Wrap(_request, "77");

    [Benchmark(Baseline = true)]
    public ProtoMessage Wrap_by_hand() => new() { PayloadType = 2124, Payload = _request.ToByteString(), ClientMsgId = "77" };

    [Benchmark]
    public ProtoMessage Wrap() => Envelope.Wrap(_request, "77");

    [Benchmark]
    public IMessage Unwrap_by_hand() => ProtoOAReconcileReq.Parser.ParseFrom(_envelope.Payload);

    [Benchmark]
    public IMessage Unwrap() => Envelope.Unwrap(_envelope);
}
