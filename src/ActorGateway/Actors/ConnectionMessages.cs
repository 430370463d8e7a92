using ActorGateway.Correlation;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Registry;
using ActorGateway.Throttling;
using ActorGateway.Transport;
using Akka.Actor;

// The connection actor's messages: commands from the gateway and the facade, events from its connection and its
// attempts, and its timers' ticks.
namespace ActorGateway.Actors;

/// <summary>
/// Command: connect if not connected. <paramref name="Waiter"/> completes once connected, or fails when the retry
/// policy gives up or <paramref name="Timeout"/> (ending at <paramref name="Deadline"/>) passes first, with why
/// the attempts failed.
/// </summary>
internal sealed record Connect(TaskCompletionSource Waiter, TimeSpan Timeout, long Deadline);

/// <summary>Command: close the connection, fail whatever is pending, then complete <paramref name="Done"/> and stop.</summary>
internal sealed record Shutdown(TaskCompletionSource Done);

/// <summary>
/// Told back to whoever bound a request to a connection (see <see cref="IPendingRequest.BoundTo"/>) when that connection
/// is not the current one: the request was not written, and its owner decides where it goes next.
/// </summary>
internal sealed record Unsent(IPendingRequest Request)
{
    /// <summary>Gives <paramref name="request"/> back unwritten to whoever bound it; with nobody to take it, it fails unwritten.</summary>
    public static void GiveBack(IPendingRequest request)
    {
        if (request.ReturnTo is { } owner)
        {
            owner.Tell(new Unsent(request));
            return;
        }

        request.TryFail(new GatewayConnectionException(ConnectionFailureKind.NotConnected,
            "The request was not written: the connection it was meant for is gone."));
    }
}

/// <summary>Event: a connection attempt succeeded.</summary>
internal sealed record TransportOpened(ITransport Transport, GatewayEndpoint Endpoint, int Attempt);

/// <summary>Event: a connection attempt failed.</summary>
internal sealed record ConnectAttemptFailed(GatewayConnectionException Reason, GatewayEndpoint Endpoint, int Attempt);

/// <summary>Timer: connection attempt <paramref name="Attempt"/> took too long.</summary>
internal sealed record ConnectTimedOut(int Attempt);

/// <summary>Timer: the retry policy's delay is over.</summary>
internal sealed record RetryDelayElapsed
{
    public static readonly RetryDelayElapsed Instance = new();
}

/// <summary>Event: the frames of one read from the socket, in order. Handling them returns the read loop's credit.</summary>
internal sealed record FramesReceived(Connection Connection, OpenApiMessage[] Frames);

/// <summary>Event: a frame arrived whose payload could not be decoded; the stream is still in step.</summary>
internal sealed record FrameRejected(Connection Connection, ProtocolException Error);

/// <summary>Event: <paramref name="Connection"/> broke; its reason is <see cref="Connection.BreakReason"/>.</summary>
internal sealed record ConnectionBroken(Connection Connection);

/// <summary>Event: the connection's transport is closed, after a shutdown.</summary>
internal sealed record ConnectionClosed
{
    public static readonly ConnectionClosed Instance = new();
}

/// <summary>Self-told when the first frame lands in an empty buffer, so everything already in the mailbox joins it.</summary>
internal sealed record Flush
{
    public static readonly Flush Instance = new();
}

/// <summary>Event: a write that did not finish at once has left, carrying the throttle grants in <paramref name="Mark"/>.</summary>
internal sealed record WriteCompleted(Connection Connection, SentMark Mark, long Timestamp);

/// <summary>Timer: deadlines, heartbeat and server silence are due for a check.</summary>
internal sealed record Tick
{
    public static readonly Tick Instance = new();
}

/// <summary>Timer: the throttle may grant requests of <paramref name="RateClass"/> again.</summary>
internal sealed record ThrottleReopened(RateClass RateClass);
