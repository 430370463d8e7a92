namespace ActorGateway.Cluster.Messages;

/// <summary>
/// Sharding's hand-off message for an account entity (instead of a poison pill): the entity closes its session first,
/// so requests still in flight end with a typed failure rather than silence, then stops.
/// </summary>
public sealed class StopAccount : IClusterMessage
{
    private StopAccount()
    {
    }

    /// <summary>The one instance.</summary>
    public static StopAccount Instance { get; } = new();
}
