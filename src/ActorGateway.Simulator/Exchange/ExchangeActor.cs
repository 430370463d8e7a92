using System.Threading.Channels;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using ActorGateway.Simulator.Market;
using ActorGateway.Simulator.Sessions;
using ActorGateway.Simulator.Trading;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using static ActorGateway.Simulator.Exchange.ExchangeClients;

namespace ActorGateway.Simulator.Exchange;

/// <summary>
/// The exchange: the one loop that owns shared state (tokens, account sessions, subscriptions, prices, the trading book),
/// each concern held by the handler it hands that concern's requests to. Connections post requests here; replies and
/// events go back by posting to the connections' mailboxes, so an account's events reach every connection where it is
/// authorized.
/// </summary>
internal sealed partial class ExchangeActor
{
    private readonly SimulatorContext _context;
    private readonly TimeProvider _time;
    private readonly Channel<ExchangeCommand> _mailbox =
        Channel.CreateUnbounded<ExchangeCommand>(new() { SingleReader = true, AllowSynchronousContinuations = false });
    private readonly ExchangeClients _clients = new();
    private readonly TradingDesk _desk;
    private readonly AccountSessions _sessions;
    private readonly ReferenceDataRequests _referenceData;
    private readonly MarketDataFeed _marketData;
    private readonly HistoricalData _historicalData;
    private readonly TradingRequests _trading;
    private readonly ILogger _logger;

    public ExchangeActor(SimulatorContext context)
    {
        _context = context;
        _time = context.Time;
        _logger = context.LoggerFactory.CreateLogger<ExchangeActor>();
        var options = context.Options;
        var tokens = new TokenBook(options.Credentials.EffectiveTokens, context.StartedAt);
        var history = new HistoryGenerator(options.Seed);
        var prices = new PriceWalk(options.Seed, history, context.StartedAt);
        _desk = new TradingDesk(options.Credentials.EffectiveAccounts, prices, _time);
        _sessions = new AccountSessions(_clients, tokens, _desk, context);
        _referenceData = new ReferenceDataRequests(_desk);
        _marketData = new MarketDataFeed(_clients, prices, options.Market.DepthLevels, _time);
        _historicalData = new HistoricalData(history, _time);
        _trading = new TradingRequests(_clients, _sessions, _desk);
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
                OnRequestSafely(_clients.Of(request.From), request.Message);
                break;
            case ExchangeCommand.MarketTick:
                OnMarketTick();
                break;
            case ExchangeCommand.ConnectionClosed closed:
                _clients.Remove(closed.Connection);
                break;
            case ExchangeCommand.InvalidateToken revoke:
                _sessions.InvalidateToken(revoke.AccessToken, revoke.Reason);
                break;
            case ExchangeCommand.DisconnectAccount disconnect:
                _sessions.DisconnectAccount(disconnect.AccountId);
                break;
        }
    }

    private void OnMarketTick()
    {
        var changed = _marketData.Tick();
        foreach (var (accountId, events) in _desk.OnPrices(changed))
        {
            events.ForEach(e => _clients.Broadcast(accountId, e, null));
        }
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

        var request = message.Payload;
        if (!_sessions.TryHandle(client, request, id) && !_referenceData.TryHandle(client, request, id)
            && !_marketData.TryHandle(client, request, id) && !_historicalData.TryHandle(client, request, id)
            && !_trading.TryHandle(client, request, id))
        {
            Reply(client, ErrorReplies.Common(ProtoErrorCode.UnsupportedMessage, $"{info.Name} is not supported by the simulator"), id);
        }
    }

    internal static long AccountIdOf(MessageInfo info, IMessage payload) =>
        Convert.ToInt64(info.Descriptor.FindFieldByName("ctidTraderAccountId").Accessor.GetValue(payload),
            System.Globalization.CultureInfo.InvariantCulture);
}
