namespace ActorGateway.Session;

/// <summary>What the session actor tells the world outside it, readable from any thread.</summary>
internal sealed class SessionStatus
{
    private int _reconnects;
    private int _credentialsRefused;

    /// <summary>How many times the session was restored after losing its connection.</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>True while the server refuses the application's credentials: reconnecting would be refused again.</summary>
    public bool CredentialsRefused
    {
        get => Volatile.Read(ref _credentialsRefused) != 0;
        set => Volatile.Write(ref _credentialsRefused, value ? 1 : 0);
    }

    public int Restored() => Interlocked.Increment(ref _reconnects);
}
