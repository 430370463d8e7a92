namespace ActorGateway.Publishing;

/// <summary>Why a subscriber's stream has a gap.</summary>
public enum GapReason
{
    /// <summary>The subscriber's queue was full and its overflow policy dropped events.</summary>
    Overflow,

    /// <summary>The connection was lost; whatever the server sent meanwhile never arrived.</summary>
    Reconnect,

    /// <summary>
    /// The account's events come from another owner now: on a cluster, its entity moved to another node (a hand-off, or its
    /// node left or crashed) or started again, and whatever was published meanwhile never reached the subscriber.
    /// </summary>
    Moved,
}
