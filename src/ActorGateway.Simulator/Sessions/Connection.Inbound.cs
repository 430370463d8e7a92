using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using ActorGateway.Simulator.Exchange;
using Google.Protobuf;

namespace ActorGateway.Simulator.Sessions;

/// <summary>The session rules applied to each inbound frame before anything reaches the exchange.</summary>
internal sealed partial class Connection
{
    private static readonly ProtoHeartbeatEvent Heartbeat = new();
    private static readonly ProtoOAApplicationAuthRes AppAuthRes = new();

    private void OnFrame(OpenApiMessage message)
    {
        _lastInbound = _time.GetUtcNow();
        if (ShouldDrop())
        {
            Close("fault: dropped");
            return;
        }

        if (message.PayloadType == PayloadRegistry.HeartbeatEvent)
        {
            return;
        }

        if (!PayloadRegistry.TryGet(message.PayloadType, out var info) || info.Kind != MessageKind.Request)
        {
            Write(ErrorReplies.Common(ProtoErrorCode.UnsupportedMessage,
                $"Payload type {message.PayloadType} is not a request this server accepts"),
                message.ClientMsgId);
            return;
        }

        if (_context.Faults.IsNeverAnswered(message.PayloadType))
        {
            return;
        }

        if (_context.Faults.MaintenanceUntil is { } until && _time.GetUtcNow() < until)
        {
            var error = ErrorReplies.OA(ProtoOAErrorCode.ServerIsUnderMaintenance, "The server is under maintenance");
            error.MaintenanceEndTimestamp = until.ToUnixTimeSeconds();
            Write(error, message.ClientMsgId);
            return;
        }

        if (_budget.TryConsume(info, _time.GetUtcNow()) is { } overBudget)
        {
            Write(overBudget, message.ClientMsgId);
            return;
        }

        OnRequest(message, info);
    }

    private void OnRequest(OpenApiMessage message, MessageInfo info)
    {
        switch (message.Payload)
        {
            case ProtoOAApplicationAuthReq auth:
                OnApplicationAuth(auth, message.ClientMsgId);
                break;
            case IMessage when !_appAuthenticated:
                Write(ErrorReplies.OA(ProtoOAErrorCode.ChClientNotAuthenticated, "The application is not authenticated"),
                    message.ClientMsgId);
                break;
            case ProtoOAVersionReq:
                Write(_context.VersionRes, message.ClientMsgId);
                break;
            case ProtoOAv1PnLChangeSubscribeReq or ProtoOAv1PnLChangeUnSubscribeReq:
                Write(ErrorReplies.Common(ProtoErrorCode.UnsupportedMessage, $"{info.Name} is no longer supported"), message.ClientMsgId);
                break;
            default:
                _context.Exchange.Post(new ExchangeCommand.Request(this, message));
                break;
        }
    }

    private void OnApplicationAuth(ProtoOAApplicationAuthReq auth, string? clientMsgId)
    {
        if (_appAuthenticated)
        {
            Write(ErrorReplies.OA(ProtoOAErrorCode.ChClientAlreadyAuthenticated, "The application is already authenticated"), clientMsgId);
            return;
        }

        var credentials = _context.Options.Credentials;
        if (auth.ClientId != credentials.ClientId || auth.ClientSecret != credentials.ClientSecret)
        {
            // The real server closes straight after this error; the client sees the reply, then the end of the stream.
            WriteNow(ErrorReplies.OA(ProtoOAErrorCode.ChClientAuthFailure, "clientId or clientSecret is incorrect"), clientMsgId);
            Close("application auth failed");
            return;
        }

        _appAuthenticated = true;
        Write(AppAuthRes, clientMsgId);
    }

    private void OnBadFrame(ProtocolException error)
    {
        _lastInbound = _time.GetUtcNow();
        Write(ErrorReplies.Common(ProtoErrorCode.InvalidRequest, error.Message), error.ClientMsgId);
    }

    private bool ShouldDrop()
    {
        var (dropAfter, generation) = _context.Faults.DropAfterSetting;
        if (generation != _dropGeneration)
        {
            (_dropGeneration, _dropAfter, _messagesSinceArm) = (generation, dropAfter, 0);
        }

        _messagesSinceArm++;
        return (_dropAfter > 0 && _messagesSinceArm >= _dropAfter) || _context.Faults.DrawRandomDrop();
    }
}
