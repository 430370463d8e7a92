using ActorGateway.Actors;
using ActorGateway.Diagnostics;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using Akka.Actor;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorGateway.Benchmarks;

/// <summary>
/// Handing decoded spot events to N subscribers through the publisher actor (one message per socket read of
/// <see cref="ReadSize"/> events, a bounded buffer and one batch in flight per subscriber, a callback reader actor per
/// subscriber), against calling the same callbacks in place, which is the least any fan-out can cost.
/// </summary>
[MemoryDiagnoser]
public class PublisherFanOutBenchmarks
{
    private const int Batch = 10_048; // a whole number of reads
    private const int ReadSize = 64;

    private readonly DeliveryCounter _counter = new();
    private readonly List<GatewaySubscription<ProtoOASpotEvent>> _subscriptions = [];
    private Action<StreamItem<ProtoOASpotEvent>>[] _callbacks = [];
    private readonly GatewayMetrics _metrics = new("bench");
    private ActorSystem? _system;
    private IActorRef? _publisher;
    private InboundEvents? _read;

    [Params(1, 10)]
    public int Subscribers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _callbacks = Enumerable.Range(0, Subscribers).Select(_ => (Action<StreamItem<ProtoOASpotEvent>>)Count).ToArray();
        _system = ActorSystem.Create("bench");
        var sink = new PublisherSink();
        _publisher = _system.ActorOf(PublisherActor.Props(sink.Subscribers, null, _metrics, NullLoggerFactory.Instance));
        _read = new InboundEvents([.. Enumerable.Repeat(DeliveryCounter.Spot, ReadSize)]);
        // Room for a whole batch, so nothing is dropped and every operation delivers Batch × Subscribers events.
        var options = new SubscriptionOptions { Capacity = Batch * 2, Overflow = OverflowPolicy.DropOldest };
        foreach (var callback in _callbacks)
        {
            _subscriptions.Add(GatewaySubscription<ProtoOASpotEvent>.Callback(_publisher, options, item =>
            {
                callback(item);
                return ValueTask.CompletedTask;
            }, NullLogger.Instance));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        _system!.Terminate().GetAwaiter().GetResult();
        _metrics.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public long Callbacks_in_place()
    {
        var item = new StreamItem<ProtoOASpotEvent>((ProtoOASpotEvent)DeliveryCounter.Spot.Payload, null);
        for (var i = 0; i < Batch; i++)
        {
            foreach (var callback in _callbacks)
            {
                callback(item);
            }
        }

        return _counter.Delivered;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task<long> Publisher_streams()
    {
        var batch = _counter.ExpectAsync((long)Batch * Subscribers);
        for (var i = 0; i < Batch / ReadSize; i++)
        {
            _publisher!.Tell(_read);
        }

        await batch;
        return _counter.Delivered;
    }

    private void Count(StreamItem<ProtoOASpotEvent> item)
    {
        // Notices never come here (no connection), but are not counted if they did.
        if (item.IsMessage)
        {
            _counter.Count();
        }
    }
}
