using ActorGateway.Protocol;
using ActorGateway.Protocol.Registry;
using ActorGateway.Transport;

namespace ActorGateway.Actors;

internal sealed partial class ConnectionActor
{
    /// <summary>Command: connect if not connected, and complete <paramref name="Waiter"/> once connected.</summary>
    internal sealed record Connect(TaskCompletionSource Waiter) : IConnectionMessage;

    /// <summary>Command: close everything and fail whatever is pending.</summary>
    internal sealed record Shutdown : IConnectionMessage
    {
        public static readonly Shutdown Instance = new();
    }

    /// <summary>
    /// Command: the session has restored connection <paramref name="Epoch"/> (auth, subscriptions), so queued requests
    /// may go out; ignored when that connection is gone.
    /// </summary>
    internal sealed record OpenGate(int Epoch) : IConnectionMessage;

    /// <summary>Event: a connection attempt succeeded.</summary>
    internal sealed record TransportOpened(ITransport Transport, GatewayEndpoint Endpoint, int Attempt) : IConnectionMessage;

    /// <summary>Event: a connection attempt failed.</summary>
    internal sealed record ConnectAttemptFailed(GatewayConnectionException Reason, GatewayEndpoint Endpoint, int Attempt)
        : IConnectionMessage;

    /// <summary>Event: the retry policy's delay is over.</summary>
    internal sealed record RetryDelayElapsed : IConnectionMessage
    {
        public static readonly RetryDelayElapsed Instance = new();
    }

    /// <summary>Event: a frame arrived whose payload could not be decoded; the stream is still in step.</summary>
    internal sealed record FrameRejected(Connection Connection, ProtocolException Error) : IConnectionMessage;

    /// <summary>Event: <paramref name="Connection"/> broke; its reason is <see cref="Connection.BreakReason"/>.</summary>
    internal sealed record ConnectionBroken(Connection Connection) : IConnectionMessage;

    /// <summary>Event: time to check deadlines and whether a heartbeat is due.</summary>
    internal sealed record Tick : IConnectionMessage
    {
        public static readonly Tick Instance = new();
    }

    /// <summary>Event: the throttle may grant requests of <paramref name="RateClass"/> again.</summary>
    internal sealed record ThrottleReopened(RateClass RateClass) : IConnectionMessage;
}
