using ActorGateway.Protocol.Messages;

namespace ActorGateway;

/// <summary>
/// Typed calls for the common requests: each builds the request, fills the account id, and awaits the typed reply.
/// Every call takes an optional timeout (default: the client's request timeout) and throws what
/// <see cref="IGatewayRequester.AskAsync{TResponse}"/> throws.
/// </summary>
public static class GatewayClientExtensions
{
    /// <summary>Authorises the application on this connection; the first request on every new connection.</summary>
    public static Task<ProtoOAApplicationAuthRes> AuthorizeApplicationAsync(this IGatewayRequester client, string clientId,
        string clientSecret, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Client(client).AskAsync<ProtoOAApplicationAuthRes>(
            new ProtoOAApplicationAuthReq { ClientId = clientId, ClientSecret = clientSecret }, timeout, cancellationToken);

    /// <summary>Authorises one trading account on this connection with an OAuth access token.</summary>
    public static Task<ProtoOAAccountAuthRes> AuthorizeAccountAsync(this IGatewayRequester client, long accountId, string accessToken,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Client(client).AskAsync<ProtoOAAccountAuthRes>(
            new ProtoOAAccountAuthReq { CtidTraderAccountId = accountId, AccessToken = accessToken }, timeout, cancellationToken);

    /// <summary>Lists the trading accounts an access token grants.</summary>
    public static Task<ProtoOAGetAccountListByAccessTokenRes> GetAccountsAsync(this IGatewayRequester client, string accessToken,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Client(client).AskAsync<ProtoOAGetAccountListByAccessTokenRes>(
            new ProtoOAGetAccountListByAccessTokenReq { AccessToken = accessToken }, timeout, cancellationToken);

    /// <summary>Gets the server's protocol version.</summary>
    public static Task<ProtoOAVersionRes> GetVersionAsync(this IGatewayRequester client, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        Client(client).AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq(), timeout, cancellationToken);

    /// <summary>Lists the account's symbols (light descriptions; archived ones too if asked).</summary>
    public static Task<ProtoOASymbolsListRes> GetSymbolsAsync(this IGatewayRequester client, long accountId, bool includeArchived = false,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Client(client).AskAsync<ProtoOASymbolsListRes>(
            new ProtoOASymbolsListReq { CtidTraderAccountId = accountId, IncludeArchivedSymbols = includeArchived },
            timeout, cancellationToken);

    /// <summary>Gets the full specification of the given symbols.</summary>
    public static Task<ProtoOASymbolByIdRes> GetSymbolsByIdAsync(this IGatewayRequester client, long accountId, IEnumerable<long> symbolIds,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Client(client).AskAsync<ProtoOASymbolByIdRes>(
            new ProtoOASymbolByIdReq { CtidTraderAccountId = accountId, SymbolId = { symbolIds } }, timeout, cancellationToken);

    /// <summary>Gets the account's trader record (balance, leverage, money digits...).</summary>
    public static Task<ProtoOATraderRes> GetTraderAsync(this IGatewayRequester client, long accountId, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        Client(client).AskAsync<ProtoOATraderRes>(new ProtoOATraderReq { CtidTraderAccountId = accountId }, timeout, cancellationToken);

    /// <summary>Gets the account's open positions and pending orders: the way to resynchronise after a reconnect or a timeout.</summary>
    public static Task<ProtoOAReconcileRes> ReconcileAsync(this IGatewayRequester client, long accountId, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        Client(client).AskAsync<ProtoOAReconcileRes>(
            new ProtoOAReconcileReq { CtidTraderAccountId = accountId }, timeout, cancellationToken);

    /// <summary>Subscribes to spot prices of the given symbols; the prices arrive as <c>ProtoOASpotEvent</c>s.</summary>
    public static Task<ProtoOASubscribeSpotsRes> SubscribeSpotsAsync(this IGatewayRequester client, long accountId,
        IEnumerable<long> symbolIds, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Client(client).AskAsync<ProtoOASubscribeSpotsRes>(
            new ProtoOASubscribeSpotsReq { CtidTraderAccountId = accountId, SymbolId = { symbolIds } }, timeout, cancellationToken);

    /// <summary>Unsubscribes from spot prices of the given symbols (a few more events may still arrive).</summary>
    public static Task<ProtoOAUnsubscribeSpotsRes> UnsubscribeSpotsAsync(this IGatewayRequester client, long accountId,
        IEnumerable<long> symbolIds, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Client(client).AskAsync<ProtoOAUnsubscribeSpotsRes>(
            new ProtoOAUnsubscribeSpotsReq { CtidTraderAccountId = accountId, SymbolId = { symbolIds } }, timeout, cancellationToken);

    /// <summary>Gets historical bars of one period between two instants (a historical request: 5 per second).</summary>
    public static Task<ProtoOAGetTrendbarsRes> GetTrendbarsAsync(this IGatewayRequester client, long accountId, long symbolId,
        ProtoOATrendbarPeriod period, DateTimeOffset from, DateTimeOffset to, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        Client(client).AskAsync<ProtoOAGetTrendbarsRes>(new ProtoOAGetTrendbarsReq
        {
            CtidTraderAccountId = accountId,
            SymbolId = symbolId,
            Period = period,
            FromTimestamp = from.ToUnixTimeMilliseconds(),
            ToTimestamp = to.ToUnixTimeMilliseconds(),
        }, timeout, cancellationToken);

    /// <summary>Gets the ticks of one side between two instants, newest first (a historical request: 5 per second).</summary>
    public static Task<ProtoOAGetTickDataRes> GetTickDataAsync(this IGatewayRequester client, long accountId, long symbolId,
        ProtoOAQuoteType side, DateTimeOffset from, DateTimeOffset to, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        Client(client).AskAsync<ProtoOAGetTickDataRes>(new ProtoOAGetTickDataReq
        {
            CtidTraderAccountId = accountId,
            SymbolId = symbolId,
            Type = side,
            FromTimestamp = from.ToUnixTimeMilliseconds(),
            ToTimestamp = to.ToUnixTimeMilliseconds(),
        }, timeout, cancellationToken);

    internal static IGatewayRequester Client(IGatewayRequester client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client;
    }
}
