using System.Globalization;
using ActorGateway.Diagnostics;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;

namespace ActorGateway.Actors;

internal sealed partial class ConnectionActor
{
    private void OnFrame(Connection source, in OpenApiMessage message)
    {
        if (source != _connection)
        {
            return; // a frame read from a connection that has since broken
        }

        _log.FrameReceived(message.PayloadType, message.ClientMsgId);
        if (TryFindRequest(message.ClientMsgId, out var id) is { } request && request.IsAnsweredBy(message.PayloadType))
        {
            _inFlight.Remove(id);
            // Recorded before completing, so whoever awaits the request already sees it counted.
            if (!request.IsCompleted)
            {
                RecordReply(request, message);
            }

            if (!request.TryComplete(message))
            {
                _log.LateReplyDropped(message.PayloadType, message.ClientMsgId!);
            }
        }

        // Replies go on to the subscribers too, and an unknown clientMsgId (another client on the same account, a reply
        // to a request already swept away) simply makes the message an event.
        _sink.OnMessage(message);
    }

    private void OnFrameRejected(FrameRejected rejected)
    {
        if (rejected.Connection != _connection)
        {
            return;
        }

        var error = rejected.Error;
        _log.PayloadRejected(error.PayloadType, error.ClientMsgId, error);
        if (TryFindRequest(error.ClientMsgId, out var id) is { } request && error.PayloadType is { } payloadType
            && request.IsAnsweredBy(payloadType))
        {
            _inFlight.Remove(id);
            request.TryFail(new GatewayProtocolException($"The reply could not be decoded: {error.Message}", error));
        }
        else if (error.RawEnvelope is { } raw)
        {
            // An event we cannot decode is still handed on, raw, rather than lost.
            _sink.OnMessage(new OpenApiMessage(raw.PayloadType, raw, error.ClientMsgId));
        }
    }

    private void RecordReply(Correlation.IPendingRequest request, in OpenApiMessage reply)
    {
        _metrics.ReplyReceived(_time.GetElapsedTime(request.WrittenAt));
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

    private Correlation.IPendingRequest? TryFindRequest(string? clientMsgId, out long id)
    {
        // Our ids are decimal numbers, so a lookup parses instead of hashing the string.
        id = 0;
        return clientMsgId is not null
            && long.TryParse(clientMsgId, NumberStyles.None, CultureInfo.InvariantCulture, out id)
            && _inFlight.TryGetValue(id, out var request)
                ? request
                : null;
    }
}
