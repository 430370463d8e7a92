namespace ActorGateway.Simulator.Admission;

/// <summary>
/// Connections at each stage before their TLS session: connected but silent (<paramref name="NotStarted"/>), shaking
/// hands (<paramref name="InProgress"/>), and waiting for a handshake slot (<paramref name="Queued"/>).
/// </summary>
public readonly record struct HandshakeCounts(int NotStarted, int InProgress, int Queued)
{
    /// <summary>True when every stage holds at least as many as in <paramref name="wanted"/>.</summary>
    public bool Covers(HandshakeCounts wanted) =>
        NotStarted >= wanted.NotStarted && InProgress >= wanted.InProgress && Queued >= wanted.Queued;
}
