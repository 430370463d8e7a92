using ActorGateway.Correlation;

namespace ActorGateway.Actors;

/// <summary>
/// The request gate. A session needs its restore traffic (application auth, account auth, subscriptions, reconcile) on a
/// fresh connection before any user request, or those would be refused as unauthenticated. With
/// <see cref="GatewaySettings.HoldRequestsUntilRestored"/> the gate closes on every connect; restore requests use a
/// queue of their own that is always written first, and <see cref="OpenGate"/> lets the rest follow.
/// </summary>
internal sealed partial class ConnectionActor
{
    private readonly Queue<IPendingRequest> _restoreQueue = new();
    private bool _gateClosed;

    private void OnRestoreRequest(IPendingRequest request)
    {
        _restoreQueue.Enqueue(request);
        PumpRestoreQueue();
    }

    /// <summary>Writes queued restore requests as far as the throttle allows; true when none is left waiting.</summary>
    private bool PumpRestoreQueue()
    {
        while (_connection is not null && _restoreQueue.TryPeek(out var request))
        {
            if (request.IsCompleted)
            {
                _restoreQueue.Dequeue();
                continue;
            }

            if (!TryAcquire(request.RateClass))
            {
                return false;
            }

            _restoreQueue.Dequeue();
            Write(request);
        }

        return _restoreQueue.Count == 0;
    }

    private void OnOpenGate(OpenGate open)
    {
        if (open.Epoch != _attempt || !_gateClosed)
        {
            return;
        }

        _gateClosed = false;
        PumpAll();
    }

    private void FailRestoreQueue(GatewayConnectionException reason)
    {
        while (_restoreQueue.TryDequeue(out var request))
        {
            request.TryFail(new GatewayConnectionException(reason.Kind,
                $"The restore request was not written: the connection was lost ({reason.Message}).", reason));
        }
    }
}
