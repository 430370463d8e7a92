namespace ActorGateway.Correlation;

/// <summary>
/// The clientMsgIds of one gateway, shared by the Task facade and the actors so no two requests ever share one. They
/// start at a random point so they are unlikely to match those of another client on the same account.
/// </summary>
internal sealed class RequestIds
{
    private long _last = Random.Shared.NextInt64(1, 1L << 40);

    public long Next() => Interlocked.Increment(ref _last);
}
