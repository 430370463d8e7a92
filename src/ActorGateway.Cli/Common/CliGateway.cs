using ActorGateway.Protocol.Messages;
using Spectre.Console;

namespace ActorGateway.Cli.Common;

/// <summary>
/// A gateway client opened for one command: connected and application-authenticated while a spinner shows progress,
/// with its spot and execution events collected for display.
/// </summary>
internal sealed class CliGateway : IAsyncDisposable
{
    private CliGateway(GatewayClient client, string endpoint)
    {
        Client = client;
        Endpoint = endpoint;
        Client.MessageReceived += (_, e) =>
        {
            Quotes.Apply(e.Message.Payload);
            Executions.Apply(e.Message.Payload);
        };
    }

    public GatewayClient Client { get; }

    public string Endpoint { get; }

    public QuoteBoard Quotes { get; } = new();

    public ExecutionLog Executions { get; } = new();

    /// <exception cref="CliException">The client id or secret is missing.</exception>
    public static async Task<CliGateway> OpenAsync(IAnsiConsole console, GatewayOptions options, string? clientId, string? clientSecret,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(clientSecret))
        {
            throw new CliException("No application credentials: set ACTORGATEWAY_CLIENT_ID and ACTORGATEWAY_CLIENT_SECRET "
                + "(or connect.client-id / connect.client-secret in the --config file).");
        }

        var endpoint = options.Hosts is { Count: > 0 } hosts ? hosts[0] : OpenApiEndpoints.DemoHost;
        var gateway = new CliGateway(new GatewayClient(options), endpoint);
        try
        {
            await console.Status().StartAsync($"Connecting to {Markup.Escape(endpoint)}...", async status =>
            {
                await gateway.ConnectOnceAsync(cancellationToken).ConfigureAwait(false);
                status.Status("Authenticating the application...");
                await gateway.Client.AuthorizeApplicationAsync(clientId, clientSecret, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        catch
        {
            await gateway.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        console.MarkupLine($"[green]connected[/] to {Markup.Escape(endpoint)} over {(options.Tls.Enabled ? "TLS" : "plain TCP")}; "
            + "application authenticated");
        return gateway;
    }

    /// <summary>Authorizes <paramref name="accountId"/>, or when it is 0 the token's first account of the environment.</summary>
    /// <exception cref="CliException">The token grants no such account.</exception>
    public async Task<ProtoOACtidTraderAccount> AuthorizeAccountAsync(string? accessToken, long accountId, bool live,
        CancellationToken cancellationToken)
    {
        var token = RequireToken(accessToken);
        var accounts = await Client.GetAccountsAsync(token, cancellationToken: cancellationToken).ConfigureAwait(false);
        var account = accountId != 0
            ? accounts.CtidTraderAccount.FirstOrDefault(a => (long)a.CtidTraderAccountId == accountId)
                ?? throw new CliException($"The access token does not grant account {accountId}.")
            : accounts.CtidTraderAccount.FirstOrDefault(a => a.IsLive == live)
                ?? throw new CliException($"The access token grants no {(live ? "live" : "demo")} account.");
        await Client.AuthorizeAccountAsync((long)account.CtidTraderAccountId, token, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return account;
    }

    /// <exception cref="CliException">The token is missing.</exception>
    public static string RequireToken(string? accessToken) => string.IsNullOrEmpty(accessToken)
        ? throw new CliException("No access token: set ACTORGATEWAY_ACCESS_TOKEN (or connect.access-token in the --config file).")
        : accessToken;

    /// <summary>Fetches the symbols' specifications, tracks them on <see cref="Quotes"/> and subscribes to their spots.</summary>
    public async Task<IReadOnlyList<TrackedSymbol>> SubscribeSpotsAsync(long accountId, IReadOnlyList<ProtoOALightSymbol> symbols,
        CancellationToken cancellationToken)
    {
        var names = symbols.ToDictionary(s => s.SymbolId, s => s.SymbolName);
        var specs = await Client.GetSymbolsByIdAsync(accountId, names.Keys, cancellationToken: cancellationToken).ConfigureAwait(false);
        var tracked = specs.Symbol.Select(s => new TrackedSymbol(s, names[s.SymbolId])).ToList();
        foreach (var symbol in tracked)
        {
            Quotes.Track(symbol.Spec.SymbolId, symbol.Name, symbol.Spec.Digits);
        }

        await Client.SubscribeSpotsAsync(accountId, names.Keys, cancellationToken: cancellationToken).ConfigureAwait(false);
        return tracked;
    }

    public ValueTask DisposeAsync() => Client.DisposeAsync();

    /// <summary>Connects, failing on the first failed attempt: a one-shot command should say why, not retry for ever.</summary>
    private async Task ConnectOnceAsync(CancellationToken cancellationToken)
    {
        var failed = new TaskCompletionSource<GatewayConnectionException>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnFailed(object? sender, GatewayConnectFailedEventArgs e) => failed.TrySetResult(e.Reason);
        Client.ConnectFailed += OnFailed;
        try
        {
            var connect = Client.ConnectAsync(cancellationToken);
            if (await Task.WhenAny(connect, failed.Task).ConfigureAwait(false) == failed.Task)
            {
                // The connect task fails later, when the client is disposed; nobody needs that second report.
                _ = connect.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted,
                    TaskScheduler.Default);
                throw await failed.Task.ConfigureAwait(false);
            }

            await connect.ConfigureAwait(false);
        }
        finally
        {
            Client.ConnectFailed -= OnFailed;
        }
    }
}
