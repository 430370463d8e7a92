using System.Threading.Channels;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using ActorGateway.Simulator.Market;
using ActorGateway.Simulator.Sessions;
using ActorGateway.Simulator.Trading;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Simulator.Exchange;

/// <summary>
/// The exchange: the one owner of shared state (tokens, account sessions, subscriptions, prices, the trading book).
/// Connections post requests here; replies and events go back by posting to the connections' mailboxes, so an account's
/// events reach every connection where it is authorized.
/// </summary>
internal sealed partial class ExchangeActor
{
    private readonly SimulatorContext _context;
    private readonly TimeProvider _time;
    private readonly Channel<ExchangeCommand> _mailbox =
        Channel.CreateUnbounded<ExchangeCommand>(new() { SingleReader = true, AllowSynchronousContinuations = false });
    private readonly Dictionary<Connection, ClientState> _clients = [];
    private readonly TokenBook _tokens;
    private readonly HistoryGenerator _history;
    private readonly PriceWalk _prices;
    private readonly LiveBars _liveBars = new();
    private readonly DepthBook _depth;
    private readonly TradingDesk _desk;
    private readonly ILogger _logger;

    public ExchangeActor(SimulatorContext context)
    {
        _context = context;
        _time = context.Time;
        _logger = context.LoggerFactory.CreateLogger<ExchangeActor>();
        var options = context.Options;
        _tokens = new TokenBook(options.Credentials.EffectiveTokens, context.StartedAt);
        _history = new HistoryGenerator(options.Seed);
        _prices = new PriceWalk(options.Seed, _history, context.StartedAt);
        _depth = new DepthBook(options.Market.DepthLevels);
        _desk = new TradingDesk(options.Credentials.EffectiveAccounts, _prices, _time);
    }

    public void Post(ExchangeCommand command) => _mailbox.Writer.TryWrite(command);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var interval = _context.Options.Market.TickInterval;
        using var ticker = _time.CreateTimer(
            static s => ((ExchangeActor)s!).Post(ExchangeCommand.MarketTick.Instance), this, interval, interval);
        var reader = _mailbox.Reader;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (reader.TryRead(out var command))
                {
                    Handle(command);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The server is shutting down.
        }
    }

    private void Handle(ExchangeCommand command)
    {
        switch (command)
        {
            case ExchangeCommand.Request request:
                OnRequestSafely(ClientOf(request.From), request.Message);
                break;
            case ExchangeCommand.MarketTick:
                OnMarketTick();
                break;
            case ExchangeCommand.ConnectionClosed closed:
                _clients.Remove(closed.Connection);
                break;
            case ExchangeCommand.InvalidateToken revoke:
                InvalidateToken(revoke.AccessToken, revoke.Reason);
                break;
            case ExchangeCommand.DisconnectAccount disconnect:
                DisconnectAccount(disconnect.AccountId);
                break;
        }
    }

    private ClientState ClientOf(Connection connection)
    {
        if (!_clients.TryGetValue(connection, out var client))
        {
            client = new ClientState(connection);
            _clients[connection] = client;
        }

        return client;
    }

    /// <summary>
    /// A request that throws is a simulator bug: the requester gets UNKNOWN_ERROR, the failure is logged, and the exchange
    /// goes on with its state as the failed handler left it.
    /// </summary>
    private void OnRequestSafely(ClientState client, OpenApiMessage message)
    {
        try
        {
            OnRequest(client, message);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or ArgumentException or NullReferenceException
            or InvalidCastException or OverflowException or ProtocolException)
        {
            Log.RequestFailed(_logger, message.PayloadType, e);
            Reply(client, ErrorReplies.Common(ProtoErrorCode.UnknownError, "The simulator failed to handle this request"),
                message.ClientMsgId);
        }
    }

    private void OnRequest(ClientState client, OpenApiMessage message)
    {
        var id = message.ClientMsgId;
        var info = PayloadRegistry.Of(message.Payload);
        if (info.HasAccountId && message.Payload is not ProtoOAAccountAuthReq)
        {
            var accountId = AccountIdOf(info, message.Payload);
            if (!client.Accounts.ContainsKey(accountId))
            {
                Reply(client, ErrorReplies.OA(ProtoOAErrorCode.AccountNotAuthorized, "Trading account is not authorized", accountId), id);
                return;
            }
        }

        if (!TryHandleSession(client, message.Payload, id) && !TryHandleReferenceData(client, message.Payload, id)
            && !TryHandleMarketData(client, message.Payload, id) && !TryHandleTrading(client, message.Payload, id))
        {
            Reply(client, ErrorReplies.Common(ProtoErrorCode.UnsupportedMessage, $"{info.Name} is not supported by the simulator"), id);
        }
    }

    private static long AccountIdOf(MessageInfo info, IMessage payload) =>
        Convert.ToInt64(info.Descriptor.FindFieldByName("ctidTraderAccountId").Accessor.GetValue(payload),
            System.Globalization.CultureInfo.InvariantCulture);

    private static void Reply(ClientState client, IMessage message, string? clientMsgId) =>
        client.Connection.Post(new ConnectionCommand.Send(message, clientMsgId));

    /// <summary>Sends a message to every connection where the account is authorized.</summary>
    private void Broadcast(long accountId, IMessage message, string? clientMsgId)
    {
        foreach (var client in _clients.Values)
        {
            if (client.Accounts.ContainsKey(accountId))
            {
                Reply(client, message, clientMsgId);
            }
        }
    }
}
