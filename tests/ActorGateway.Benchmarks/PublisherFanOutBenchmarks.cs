using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorGateway.Benchmarks;

/// <summary>
/// Handing decoded spot events to N subscribers through the session's publisher (its mailbox, batches, one bounded
/// queue and one callback task per subscriber), against calling the same callbacks in place, which is the least any
/// fan-out can cost.
/// </summary>
[MemoryDiagnoser]
public class PublisherFanOutBenchmarks
{
    private const int Batch = 10_000;

    private readonly DeliveryCounter _counter = new();
    private readonly List<GatewaySubscription<ProtoOASpotEvent>> _subscriptions = [];
    private Action<StreamItem<ProtoOASpotEvent>>[] _callbacks = [];
    private Publisher? _publisher;

    [Params(1, 10)]
    public int Subscribers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _callbacks = Enumerable.Range(0, Subscribers).Select(_ => (Action<StreamItem<ProtoOASpotEvent>>)Count).ToArray();
        _publisher = new Publisher((_, _) => true, NullLogger.Instance);
        // Room for a whole batch, so nothing is dropped and every operation delivers Batch × Subscribers events.
        var options = new SubscriptionOptions { Capacity = Batch * 2, Overflow = OverflowPolicy.DropOldest };
        foreach (var callback in _callbacks)
        {
            _subscriptions.Add(_publisher.Subscribe(options, callback));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        _publisher!.DisposeAsync().AsTask().GetAwaiter().GetResult();
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
        for (var i = 0; i < Batch; i++)
        {
            _publisher!.OnMessage(DeliveryCounter.Spot);
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
