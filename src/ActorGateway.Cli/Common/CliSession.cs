using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using ActorGateway.Resilience;
using ActorGateway.Session;
using Google.Protobuf;

namespace ActorGateway.Cli.Common;

/// <summary>
/// The session one command works through: a <see cref="GatewaySession"/> (which connects, authenticates and restores
/// itself after every drop), with its spots and executions collected for display and its connection notices told to
/// the user.
/// </summary>
internal sealed class CliSession : IAsyncDisposable
{
    private readonly CliContext _context;
    private readonly GatewaySubscription<IMessage> _marketData;
    private readonly GatewaySubscription<IMessage> _trading;

    private CliSession(CliContext context, GatewaySession session, string endpoint, bool tls)
    {
        _context = context;
        Session = session;
        Endpoint = endpoint;
        Tls = tls;
        _marketData = session.Subscribe<IMessage>(SubscriptionOptions.MarketData(), OnMarketData);
        _trading = session.Subscribe<IMessage>(SubscriptionOptions.Trading(), item => Executions.Apply(item.Message));
    }

    public GatewaySession Session { get; }

    public string Endpoint { get; }

    public bool Tls { get; }

    public QuoteBoard Quotes { get; } = new();

    public ExecutionLog Executions { get; } = new();

    /// <summary>Told of every spot event after the board has it (plain <c>spots</c> prints each one).</summary>
    public Action<ProtoOASpotEvent>? SpotReceived { get; set; }

    /// <summary>Creates the session and starts it: connected and the application authenticated.</summary>
    /// <exception cref="CliException">A credential is missing.</exception>
    public static async Task<CliSession> OpenAsync(CliContext context, GatewayOptions gateway, CliCredentials credentials, bool live,
        CancellationToken cancellationToken)
    {
        credentials.Require();
        var inner = gateway.RetryPolicy
            ?? new ExponentialBackoffRetryPolicy(gateway.Reconnect.InitialDelay, gateway.Reconnect.MaxDelay, gateway.Reconnect.MaxAttempts);
        gateway.RetryPolicy = new FailFirstConnect(inner);
        var endpoint = gateway.Hosts is { Count: > 0 } hosts ? hosts[0] : OpenApiEndpoints.DemoHost;
        var session = new GatewaySession(new SessionOptions
        {
            Gateway = gateway,
            ClientId = credentials.ClientId!,
            ClientSecret = credentials.ClientSecret!,
            AccessToken = credentials.AccessToken!,
            Environment = live ? GatewayEnvironment.Live : GatewayEnvironment.Demo,
        });
        var opened = new CliSession(context, session, endpoint, gateway.Tls.Enabled);
        try
        {
            await context.RunWithStatusAsync($"connecting to {endpoint}...",
                _ => session.StartAsync(cancellationToken)).ConfigureAwait(false);
        }
        catch
        {
            await opened.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        context.Line($"connected to {endpoint} over {(opened.Tls ? "TLS" : "plain TCP")}; application authenticated");
        return opened;
    }

    /// <summary>The trading accounts the access token grants.</summary>
    public async Task<IReadOnlyList<ProtoOACtidTraderAccount>> GetAccountsAsync(string accessToken, CancellationToken cancellationToken) =>
        (await Session.AskAsync<ProtoOAGetAccountListByAccessTokenRes>(
            new ProtoOAGetAccountListByAccessTokenReq { AccessToken = accessToken }, cancellationToken: cancellationToken)
            .ConfigureAwait(false)).CtidTraderAccount;

    /// <summary>
    /// Picks <paramref name="accountId"/>, or when it is 0 the token's first account of the environment, and lets the
    /// session authorize it (which it then keeps authorized across reconnects).
    /// </summary>
    /// <exception cref="CliException">The token grants no such account.</exception>
    public async Task<ProtoOACtidTraderAccount> AuthorizeAccountAsync(string accessToken, long accountId, bool live,
        CancellationToken cancellationToken)
    {
        var accounts = await GetAccountsAsync(accessToken, cancellationToken).ConfigureAwait(false);
        var account = accountId != 0
            ? accounts.FirstOrDefault(a => (long)a.CtidTraderAccountId == accountId)
                ?? throw new CliException($"The access token does not grant account {accountId}.")
            : accounts.FirstOrDefault(a => a.IsLive == live)
                ?? throw new CliException($"The access token grants no {(live ? "live" : "demo")} account.");
        await Session.AuthorizeAccountAsync((long)account.CtidTraderAccountId, cancellationToken).ConfigureAwait(false);
        _context.Line($"account {account.CtidTraderAccountId} authorized");
        return account;
    }

    /// <summary>The account's symbols by name, each with its full specification.</summary>
    /// <exception cref="CliException">A name is not a symbol of the account.</exception>
    public async Task<IReadOnlyList<TrackedSymbol>> FindAsync(long accountId, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var symbols = await Session.GetSymbolsAsync(accountId, cancellationToken).ConfigureAwait(false);
        var byName = symbols.ToDictionary(s => s.SymbolName, StringComparer.OrdinalIgnoreCase);
        var found = new List<TrackedSymbol>();
        foreach (var name in names)
        {
            var light = byName.TryGetValue(name, out var s) ? s : throw new CliException($"Unknown symbol '{name}'.");
            var spec = await Session.GetSymbolAsync(accountId, light.SymbolId, cancellationToken).ConfigureAwait(false);
            found.Add(new TrackedSymbol(spec, light.SymbolName));
        }

        return found;
    }

    /// <summary>Shows the symbols' prices from now on and subscribes to their spots (renewed by the session after drops).</summary>
    public async Task SubscribeSpotsAsync(long accountId, IReadOnlyList<TrackedSymbol> symbols, CancellationToken cancellationToken)
    {
        foreach (var symbol in symbols)
        {
            Quotes.Track(symbol.Spec.SymbolId, symbol.Name, symbol.Spec.Digits);
        }

        await Session.SubscribeSpotsAsync(accountId, symbols.Select(s => s.Spec.SymbolId), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        // The streams first: the session's own end is no news to the user.
        await _marketData.DisposeAsync().ConfigureAwait(false);
        await _trading.DisposeAsync().ConfigureAwait(false);
        await Session.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Spots and the notices of the session (both streams get the notices; this one reports them).</summary>
    private void OnMarketData(StreamItem<IMessage> item)
    {
        if (item.Message is ProtoOASpotEvent spot)
        {
            Quotes.Apply(spot);
            SpotReceived?.Invoke(spot);
            return;
        }

        if (Describe(item.Notice) is { } line)
        {
            Quotes.Status = line;
            if (_context.Plain)
            {
                _context.Line(line);
            }
        }
    }

    private static string? Describe(GatewayNotice? notice) => notice switch
    {
        ConnectionLost { Reason.Kind: ConnectionFailureKind.Disposed } => null,
        ConnectionLost lost => $"connection lost ({lost.Reason.Kind}); reconnecting...",
        SessionRestored restored => $"reconnected: session restored, subscriptions renewed (reconnect {restored.Reconnects})",
        EventsLost { Reason: not GapReason.Reconnect } lost => $"{(lost.Count is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "some")} events lost ({lost.Reason})",
        AccountUnavailable unavailable => $"account {unavailable.AccountId} unavailable: {unavailable.Error.Message}",
        _ => null,
    };
}
