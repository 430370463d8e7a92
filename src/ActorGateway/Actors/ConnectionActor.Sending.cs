using ActorGateway.Correlation;

namespace ActorGateway.Actors;

internal sealed partial class ConnectionActor
{
    private void Connected(object message)
    {
        switch (message)
        {
            case FramesReceived received when received.Connection == _connection:
                OnFrames(received.Frames);
                received.Connection.ReturnCredit();
                break;
            case IPendingRequest request:
                OnRequest(_connection!, request);
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
            case OpenGate open:
                OnOpenGate(_connection!, open);
                break;
            case Connect connect:
                connect.Waiter.TrySetResult();
                break;
            default:
                Common(message);
                break;
        }
    }

    private void OnRequest(Connection connection, IPendingRequest request)
    {
        if (request.BypassesGate)
        {
            _pump.Restore(connection, request);
            return;
        }

        _requests.Enqueue(request);
        _pump.Pump(connection, request.RateClass);
    }

    private void OnOpenGate(Connection connection, OpenGate open)
    {
        if (open.Epoch == _attempt && _pump.GateClosed)
        {
            _pump.GateClosed = false;
            _pump.All(connection);
        }
    }
}
