namespace ActorGateway;

/// <summary>Where the client's connection stands.</summary>
public enum ConnectionState
{
    /// <summary>Not connected and not trying: never started, or the retry policy gave up. The next request starts it.</summary>
    Idle,

    /// <summary>A connection attempt is under way.</summary>
    Connecting,

    /// <summary>Connected; requests are being written.</summary>
    Connected,

    /// <summary>The last attempt failed or the connection was lost; waiting for the retry policy's delay.</summary>
    WaitingToReconnect,

    /// <summary>Disposed; the client cannot be used any more.</summary>
    Disposed,
}
