namespace ActorGateway.Session;

// What the session actor tells itself: outcomes of work it ran off the actor, and its timers.

/// <summary>The connection actor gave up connecting (its retry policy said stop, or the wait timed out).</summary>
internal sealed record ConnectGaveUp(Exception Reason);

/// <summary>The application is authenticated on connection <paramref name="Epoch"/>.</summary>
internal sealed record AppAuthenticated(int Epoch);

/// <summary>Application auth on connection <paramref name="Epoch"/> failed.</summary>
internal sealed record AppAuthFailed(int Epoch, Exception Error);

/// <summary>Timer: time out held requests whose deadline passed.</summary>
internal sealed record SweepHeld
{
    public static readonly SweepHeld Instance = new();
}
