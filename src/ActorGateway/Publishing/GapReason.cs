namespace ActorGateway.Publishing;

/// <summary>Why a subscriber's stream has a gap.</summary>
public enum GapReason
{
    /// <summary>The subscriber's queue was full and its overflow policy dropped events.</summary>
    Overflow,

    /// <summary>The connection was lost; whatever the server sent meanwhile never arrived.</summary>
    Reconnect,
}
