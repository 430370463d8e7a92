using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using ActorGateway.Simulator.Exchange;
using Google.Protobuf;

namespace ActorGateway.Simulator.Sessions;

/// <summary>The session rules applied to each inbound frame before anything reaches the exchange.</summary>
internal sealed class SessionRules
{
    private static readonly ProtoOAApplicationAuthRes AppAuthRes = new();

    private readonly Connection _connection;
    private readonly SimulatorContext _context;
    private readonly TimeProvider _time;
    private readonly ReplyWriter _writer;
    private readonly Action<string> _close;
    private readonly RequestBudget _budget;
    private bool _appAuthenticated;
    private int _dropGeneration;
    private int _messagesSinceArm;
    private int _dropAfter;

    public SessionRules(Connection connection, SimulatorContext context, ReplyWriter writer, Action<string> closeConnection)
    {
        _connection = connection;
        _context = context;
        _time = context.Time;
        _writer = writer;
        _close = closeConnection;
        _budget = new RequestBudget(context.Options.RateLimits, context.HistoricalRequests);
        (_dropAfter, _dropGeneration) = context.Faults.DropAfterSetting;
    }

    /// <summary>When the client last sent a frame; the idle timeout counts from here.</summary>
    public DateTimeOffset LastInbound { get; set; }

    public void OnFrame(OpenApiMessage message)
    {
        LastInbound = _time.GetUtcNow();
        if (ShouldDrop())
        {
            _close("fault: dropped");
            return;
        }

        if (message.PayloadType == PayloadRegistry.HeartbeatEvent)
        {
            return;
        }

        if (!PayloadRegistry.TryGet(message.PayloadType, out var info) || info.Kind != MessageKind.Request)
        {
            _writer.Write(ErrorReplies.Common(ProtoErrorCode.UnsupportedMessage,
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
            _writer.Write(error, message.ClientMsgId);
            return;
        }

        if (_budget.TryConsume(info, _time.GetUtcNow()) is { } overBudget)
        {
            _writer.Write(overBudget, message.ClientMsgId);
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
                _writer.Write(ErrorReplies.OA(ProtoOAErrorCode.ChClientNotAuthenticated, "The application is not authenticated"),
                    message.ClientMsgId);
                break;
            case ProtoOAVersionReq:
                _writer.Write(_context.VersionRes, message.ClientMsgId);
                break;
            case ProtoOAv1PnLChangeSubscribeReq or ProtoOAv1PnLChangeUnSubscribeReq:
                _writer.Write(ErrorReplies.Common(ProtoErrorCode.UnsupportedMessage, $"{info.Name} is no longer supported"),
                    message.ClientMsgId);
                break;
            default:
                _context.Exchange.Post(new ExchangeCommand.Request(_connection, message));
                break;
        }
    }

    private void OnApplicationAuth(ProtoOAApplicationAuthReq auth, string? clientMsgId)
    {
        if (_appAuthenticated)
        {
            _writer.Write(ErrorReplies.OA(ProtoOAErrorCode.ChClientAlreadyAuthenticated, "The application is already authenticated"),
                clientMsgId);
            return;
        }

        var credentials = _context.Options.Credentials;
        if (auth.ClientId != credentials.ClientId || auth.ClientSecret != credentials.ClientSecret)
        {
            // The real server closes straight after this error; the client sees the reply, then the end of the stream.
            _writer.WriteNow(ErrorReplies.OA(ProtoOAErrorCode.ChClientAuthFailure, "clientId or clientSecret is incorrect"), clientMsgId);
            _close("application auth failed");
            return;
        }

        _appAuthenticated = true;
        _writer.Write(AppAuthRes, clientMsgId);
    }

    public void OnBadFrame(ProtocolException error)
    {
        LastInbound = _time.GetUtcNow();
        _writer.Write(ErrorReplies.Common(ProtoErrorCode.InvalidRequest, error.Message), error.ClientMsgId);
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
