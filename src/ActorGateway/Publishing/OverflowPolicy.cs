namespace ActorGateway.Publishing;

/// <summary>What a subscriber's full queue does with one more event. Either way the loss is counted and reported.</summary>
public enum OverflowPolicy
{
    /// <summary>Drop the oldest queued event: the subscriber sees the newest state (right for prices).</summary>
    DropOldest,

    /// <summary>Drop the new event: what is queued stays in order (for streams read from the start, like executions).</summary>
    DropNewest,
}
