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
                _inbound.OnFrames(received.Frames, Context.Parent);
                received.Connection.ReturnCredit();
                break;
            case IPendingRequest request when request.BoundTo != 0 && request.BoundTo != _attempts.Current:
                Unsent.GiveBack(request);
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
                _inbound.OnFrameRejected(rejected.Error, Context.Parent);
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
}
