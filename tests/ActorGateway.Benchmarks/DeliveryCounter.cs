using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;

namespace ActorGateway.Benchmarks;

/// <summary>
/// Counts events reaching fan-out subscribers and signals when a batch has fully arrived, so an asynchronous fan-out is
/// timed until its last delivery. Safe for subscribers counting from several tasks at once.
/// </summary>
internal sealed class DeliveryCounter
{
    /// <summary>The event every fan-out benchmark hands out.</summary>
    public static readonly OpenApiMessage Spot = new((uint)ProtoOAPayloadType.ProtoOaSpotEvent,
        new ProtoOASpotEvent { CtidTraderAccountId = 1001, SymbolId = 1, Bid = 108_500, Ask = 108_512 }, null);

    private TaskCompletionSource _batchDone = new();
    private long _delivered;
    private long _target;

    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Expects <paramref name="count"/> more deliveries; the task completes when the last has been counted.</summary>
    public Task ExpectAsync(long count)
    {
        _batchDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _target, Delivered + count);
        return _batchDone.Task;
    }

    public void Count()
    {
        if (Interlocked.Increment(ref _delivered) == Volatile.Read(ref _target))
        {
            _batchDone.TrySetResult();
        }
    }
}
