namespace ActorGateway.Publishing;

/// <summary>One subscriber's counters: written by the publisher and the subscriber's reader, read by anyone.</summary>
internal sealed class SubscriberStats
{
    private long _dropped;
    private long _callbackFailures;

    public long Dropped => Interlocked.Read(ref _dropped);

    public long CallbackFailures => Interlocked.Read(ref _callbackFailures);

    public void AddDropped(long count) => Interlocked.Add(ref _dropped, count);

    public void CallbackFailed() => Interlocked.Increment(ref _callbackFailures);
}
