using ActorGateway.Correlation;
using ActorGateway.Diagnostics;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;
using ActorGateway.Resilience;
using Akka.Actor;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Actors;

/// <summary>
/// Where the connection actor's inbound frames go, on its turn: a reply ends its request in the book, and every frame,
/// reply or not, goes on to the sinks; executions and order errors also go to the gateway actor, whose order trackers
/// follow their orders through them.
/// </summary>
internal sealed class InboundRouter(RequestBook book, InboundFanout sinks, ReconnectBackoff backoff, GatewayMetrics metrics,
    TimeProvider time, ILogger log)
{
    public void OnFrames(OpenApiMessage[] frames, IActorRef gateway)
    {
        foreach (ref readonly var frame in frames.AsSpan())
        {
            OnFrame(frame, gateway);
        }

        sinks.OnReadEnd();
    }

    public void OnFrameRejected(ProtocolException error, IActorRef gateway)
    {
        log.PayloadRejected(error.PayloadType, error.ClientMsgId, error);
        if (error.PayloadType is { } payloadType && book.TryTake(error.ClientMsgId, payloadType) is { } request)
        {
            request.TryFail(new GatewayProtocolException($"The reply could not be decoded: {error.Message}", error));
        }
        else if (error.RawEnvelope is { } raw)
        {
            // An event we cannot decode is still handed on, raw, rather than lost.
            Publish(new OpenApiMessage(raw.PayloadType, raw, error.ClientMsgId), gateway);
            sinks.OnReadEnd();
        }
    }

    private void OnFrame(in OpenApiMessage message, IActorRef gateway)
    {
        log.FrameReceived(message.PayloadType, message.ClientMsgId);
        if (book.TryTake(message.ClientMsgId, message.PayloadType) is { } request)
        {
            // Recorded before completing, so whoever awaits the request already sees it counted.
            if (!request.IsCompleted)
            {
                metrics.Replied(message.Payload, request.WrittenAt, time);
            }

            backoff.ReplyReceived();

            if (!request.TryComplete(message))
            {
                log.LateReplyDropped(message.PayloadType, message.ClientMsgId!);
            }
        }

        // Replies go on to the subscribers too, and an unknown clientMsgId (another client on the same account, a reply
        // to a request already swept away) simply makes the message an event.
        Publish(message, gateway);
    }

    private void Publish(in OpenApiMessage message, IActorRef gateway)
    {
        sinks.OnMessage(message);
        if (message.Payload is ProtoOAExecutionEvent or ProtoOAOrderErrorEvent)
        {
            gateway.Tell(new TradingEvent(message));
        }
    }
}
