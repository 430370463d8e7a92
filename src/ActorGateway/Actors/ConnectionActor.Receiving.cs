using ActorGateway.Diagnostics;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;
using Akka.Actor;

namespace ActorGateway.Actors;

internal sealed partial class ConnectionActor
{
    private void OnFrames(OpenApiMessage[] frames)
    {
        foreach (ref readonly var frame in frames.AsSpan())
        {
            OnFrame(frame);
        }
    }

    private void OnFrame(in OpenApiMessage message)
    {
        _log.FrameReceived(message.PayloadType, message.ClientMsgId);
        if (_requests.TryTake(message.ClientMsgId, message.PayloadType) is { } request)
        {
            // Recorded before completing, so whoever awaits the request already sees it counted.
            if (!request.IsCompleted)
            {
                _metrics.Replied(message.Payload, request.WrittenAt, _time);
            }

            _backoff.ReplyReceived();

            if (!request.TryComplete(message))
            {
                _log.LateReplyDropped(message.PayloadType, message.ClientMsgId!);
            }
        }

        // Replies go on to the subscribers too, and an unknown clientMsgId (another client on the same account, a reply
        // to a request already swept away) simply makes the message an event.
        Publish(message);
    }

    private void Publish(in OpenApiMessage message)
    {
        _receivers.OnMessage(message);

        // Order trackers live under the gateway actor and follow their orders through these.
        if (message.Payload is ProtoOAExecutionEvent or ProtoOAOrderErrorEvent)
        {
            Context.Parent.Tell(new TradingEvent(message));
        }
    }

    private void OnFrameRejected(ProtocolException error)
    {
        _log.PayloadRejected(error.PayloadType, error.ClientMsgId, error);
        if (error.PayloadType is { } payloadType && _requests.TryTake(error.ClientMsgId, payloadType) is { } request)
        {
            request.TryFail(new GatewayProtocolException($"The reply could not be decoded: {error.Message}", error));
        }
        else if (error.RawEnvelope is { } raw)
        {
            // An event we cannot decode is still handed on, raw, rather than lost.
            Publish(new OpenApiMessage(raw.PayloadType, raw, error.ClientMsgId));
            _receivers.OnReadEnd();
        }
    }
}
