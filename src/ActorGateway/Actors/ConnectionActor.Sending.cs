using ActorGateway.Correlation;
using Akka.Actor;

namespace ActorGateway.Actors;

internal sealed partial class ConnectionActor
{
    private void Connected(object message)
    {
        switch (message)
        {
            case FramesReceived received when received.Connection == _connection:
                OnFrames(received.Frames);
                _receivers.OnReadEnd();
                received.Connection.ReturnCredit();
                break;
            case IPendingRequest request when request.BoundTo != 0 && request.BoundTo != _attempt:
                ReturnUnsent(request);
                break;
            case IPendingRequest request:
                _requests.Enqueue(request);
                _pump.Pump(_connection!, request.RateClass);
                break;
            case Flush:
                _out.Flush(_connection!);
                break;
            case WriteCompleted written when written.Connection == _connection:
                _out.Completed(written.Connection, written.Mark, written.Timestamp);
                break;
            case ThrottleReopened reopened:
                _pump.Pump(_connection!, reopened.RateClass);
                break;
            case FrameRejected rejected when rejected.Connection == _connection:
                OnFrameRejected(rejected.Error);
                break;
            case ConnectionBroken broken when broken.Connection == _connection:
                OnConnectionBroken(broken.Connection);
                break;
            case Connect connect:
                connect.Waiter.TrySetResult();
                break;
            default:
                Common(message);
                break;
        }
    }

    /// <summary>A request bound to another connection than the current one goes back unwritten to whoever bound it.</summary>
    private static void ReturnUnsent(IPendingRequest request)
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
