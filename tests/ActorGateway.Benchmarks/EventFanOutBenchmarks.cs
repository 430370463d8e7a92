using ActorGateway.Actors;
using Akka.Actor;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorGateway.Benchmarks;

/// <summary>
/// Handing decoded events to N subscribers through the core's event dispatcher (a bound on what waits, and an actor of
/// its own that raises them, so the read loop never runs handlers), against calling the handlers in place: the path of the client's
/// <c>MessageReceived</c> event. The session's publisher has its own benchmark.
/// </summary>
[MemoryDiagnoser]
public class EventFanOutBenchmarks
{
    private const int Batch = 10_000;

    private readonly DeliveryCounter _counter = new();
    private EventHandler<GatewayMessageEventArgs>? _handlers;
    private EventDispatcher? _dispatcher;
    private ActorSystem? _system;

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
        _system = ActorSystem.Create("bench");
        _dispatcher.Attach(_system.ActorOf(EventRaiser.Props(_dispatcher)));
    }

    [GlobalCleanup]
    public void Cleanup() => _system!.Terminate().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public long Handlers_in_place()
    {
        for (var i = 0; i < Batch; i++)
        {
            _handlers!(this, new GatewayMessageEventArgs(DeliveryCounter.Spot));
        }

        return _counter.Delivered;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task<long> Event_dispatcher()
    {
        var batch = _counter.ExpectAsync((long)Batch * Subscribers);
        for (var i = 0; i < Batch; i++)
        {
            _dispatcher!.OnMessage(DeliveryCounter.Spot);
        }

        await batch;
        return _counter.Delivered;
    }

    private void Count(object? sender, GatewayMessageEventArgs e) => _counter.Count();
}
