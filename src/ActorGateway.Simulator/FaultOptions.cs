namespace ActorGateway.Simulator;

/// <summary>Faults active from start; all off by default.</summary>
public sealed class FaultOptions
{
    /// <summary>Close each connection when its Nth message arrives, unanswered (default 0: never).</summary>
    public int DropAfterMessages { get; set; }

    /// <summary>Probability in [0, 1] that any inbound message closes its connection, drawn from the seeded generator (default
    /// 0).</summary>
    public double DropRate { get; set; }

    /// <summary>Every frame the server sends is held back this long (default zero).</summary>
    public TimeSpan ReplyDelay { get; set; }

    /// <summary>Payload types (numbers) the server never answers.</summary>
    public List<uint> NeverAnswer { get; set; } = [];

    /// <summary>When set, the server is under maintenance until this instant.</summary>
    public DateTimeOffset? MaintenanceUntil { get; set; }
}
