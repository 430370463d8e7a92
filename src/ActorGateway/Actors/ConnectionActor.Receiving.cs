using System.Globalization;
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
        if (TryTakeRequest(message.ClientMsgId, message.PayloadType) is { } request)
        {
            // Recorded before completing, so whoever awaits the request already sees it counted.
            if (!request.IsCompleted)
            {
                RecordReply(request, message);
            }

            _repliesOnConnection++;

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
        foreach (var sink in _sinks)
        {
            sink.OnMessage(message);
        }

        // Order trackers live under the gateway actor and follow their orders through these.
        if (message.Payload is ProtoOAExecutionEvent or ProtoOAOrderErrorEvent)
        {
            Context.Parent.Tell(new TradingEvent(message));
        }
    }

    private void OnFrameRejected(ProtocolException error)
    {
        _log.PayloadRejected(error.PayloadType, error.ClientMsgId, error);
        if (error.PayloadType is { } payloadType && TryTakeRequest(error.ClientMsgId, payloadType) is { } request)
        {
            request.TryFail(new GatewayProtocolException($"The reply could not be decoded: {error.Message}", error));
        }
        else if (error.RawEnvelope is { } raw)
        {
            // An event we cannot decode is still handed on, raw, rather than lost.
            Publish(new OpenApiMessage(raw.PayloadType, raw, error.ClientMsgId));
        }
    }

    private void RecordReply(Correlation.IPendingRequest request, in OpenApiMessage reply)
    {
        if (request.WrittenAt != 0)
        {
            _metrics.ReplyReceived(_time.GetElapsedTime(request.WrittenAt));
        }
        else
        {
            _metrics.ReplyReceived();
        }

        if (ErrorCodeOf(reply.Payload) is { } code)
        {
            _metrics.ErrorReceived(code);
        }
    }

    private static string? ErrorCodeOf(Google.Protobuf.IMessage reply) => reply switch
    {
        ProtoOAErrorRes e => e.ErrorCode,
        ProtoErrorRes e => e.ErrorCode,
        ProtoOAOrderErrorEvent e => e.ErrorCode,
        _ => null,
    };

    /// <summary>Takes the request in flight that a message with this id and payload type answers, if there is one.</summary>
    private Correlation.IPendingRequest? TryTakeRequest(string? clientMsgId, uint payloadType)
    {
        // Our ids are decimal numbers, so a lookup parses instead of hashing the string.
        if (clientMsgId is null
            || !long.TryParse(clientMsgId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !_inFlight.Remove(id, out var request))
        {
            return null;
        }

        if (!request.IsAnsweredBy(payloadType))
        {
            // Rare: a message carrying the id that does not end the request; put it back.
            _inFlight[id] = request;
            return null;
        }

        return request;
    }
}
