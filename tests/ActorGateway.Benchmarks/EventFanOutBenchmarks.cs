using ActorGateway.Actors;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorGateway.Benchmarks;

/// <summary>
/// Handing decoded events to N subscribers through the core's event dispatcher (a bounded queue and its own task, so
/// the read loop never runs handlers), against calling the handlers in place. Until the publisher lands this is the
/// core's whole fan-out path.
/// </summary>
[MemoryDiagnoser]
public class EventFanOutBenchmarks
{
    private const int Batch = 10_000;

    private readonly OpenApiMessage _spot = new((uint)ProtoOAPayloadType.ProtoOaSpotEvent,
        new ProtoOASpotEvent { CtidTraderAccountId = 1001, SymbolId = 1, Bid = 108_500, Ask = 108_512 }, null);

    private EventHandler<GatewayMessageEventArgs>? _handlers;
    private EventDispatcher? _dispatcher;
    private TaskCompletionSource _batchDone = new();
    private long _delivered;
    private long _target;

    [Params(1, 10)]
    public int Subscribers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < Subscribers; i++)
        {
            _handlers += Count;
        }

        _dispatcher = new EventDispatcher(Batch * 2, e => _handlers!(this, (GatewayMessageEventArgs)e), () => true,
            NullLogger.Instance, _ => { });
    }

    [GlobalCleanup]
    public void Cleanup() => _dispatcher!.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public long Handlers_in_place()
    {
        for (var i = 0; i < Batch; i++)
        {
            _handlers!(this, new GatewayMessageEventArgs(_spot));
        }

        return _delivered;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task<long> Event_dispatcher()
    {
        _batchDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _target, _delivered + ((long)Batch * Subscribers));
        for (var i = 0; i < Batch; i++)
        {
            _dispatcher!.OnMessage(_spot);
        }

        await _batchDone.Task;
        return _delivered;
    }

    private void Count(object? sender, GatewayMessageEventArgs e)
    {
        // Only the dispatcher's task (or the baseline's loop) calls this, never both at once.
        if (++_delivered == Volatile.Read(ref _target))
        {
            _batchDone.TrySetResult();
        }
    }
}
