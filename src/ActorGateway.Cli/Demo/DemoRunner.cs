using System.Globalization;
using ActorGateway.Cli.Common;
using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator;
using Spectre.Console;

namespace ActorGateway.Cli.Demo;

/// <summary>
/// The demo: the simulator in-process on a free port, a gateway client over TLS trusting exactly the simulator's
/// certificate, and the newcomer's path through the API with a live table of prices until the time is up or Ctrl+C.
/// </summary>
internal sealed class DemoRunner(IAnsiConsole console, TimeProvider time)
{
    private const string ClientId = "actorgateway-demo";
    private const string ClientSecret = "demo-secret";
    private const string AccessToken = "demo-access-token";
    private static readonly string[] PreferredSymbols = ["EURUSD", "GBPUSD", "USDJPY", "XAUUSD"];

    /// <param name="duration">How long the live table runs at least; null: until cancelled (Ctrl+C), which is then a normal end.</param>
    public async Task<int> RunAsync(TimeSpan? duration, int seed, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var server = new SimulatorServer(new SimulatorOptions { Port = 0, Seed = seed }, time);
        try
        {
            return await RunAgainstAsync(server, started, duration, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<int> RunAgainstAsync(SimulatorServer server, long started, TimeSpan? duration, CancellationToken cancellationToken)
    {
        await console.Status().StartAsync("Starting the exchange simulator...", _ => server.StartAsync(cancellationToken))
            .ConfigureAwait(false);
        console.MarkupLine($"[green]simulator[/] {Markup.Escape(server.ListeningLine)}");

        var options = new GatewayOptions
        {
            Hosts = [$"127.0.0.1:{server.EndPoint.Port}"],
            Tls = { TrustedCertificate = server.Certificate },
            TimeProvider = time,
        };
        var gateway = await CliGateway.OpenAsync(console, options, ClientId, ClientSecret, cancellationToken).ConfigureAwait(false);
        await using var gatewayScope = gateway.ConfigureAwait(false);

        var account = await gateway.AuthorizeAccountAsync(AccessToken, accountId: 0, live: false, cancellationToken).ConfigureAwait(false);
        var accountId = (long)account.CtidTraderAccountId;
        console.Write(AccountsTable(await gateway.Client.GetAccountsAsync(AccessToken, cancellationToken: cancellationToken)
            .ConfigureAwait(false), accountId));

        var symbols = await SubscribeAsync(gateway, accountId, cancellationToken).ConfigureAwait(false);
        var trader = new DemoTrader(gateway, accountId, time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var trading = trader.RunAsync(symbols[0], stop.Token);
        await ShowLiveAsync(gateway, trading, started, duration, cancellationToken).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);

        if (!trading.IsCompletedSuccessfully)
        {
            await trading.ConfigureAwait(false);
            return CommandRunner.Interrupted;
        }

        PrintSummary(trading.Result, gateway);
        return 0;
    }

    private async Task<IReadOnlyList<TrackedSymbol>> SubscribeAsync(CliGateway gateway, long accountId, CancellationToken cancellationToken)
    {
        var list = await gateway.Client.GetSymbolsAsync(accountId, cancellationToken: cancellationToken).ConfigureAwait(false);
        var chosen = list.Symbol.Where(s => PreferredSymbols.Contains(s.SymbolName, StringComparer.Ordinal))
            .OrderBy(s => Array.IndexOf(PreferredSymbols, s.SymbolName)).ToList();
        if (chosen.Count == 0)
        {
            chosen = [.. list.Symbol.Take(PreferredSymbols.Length)];
        }

        console.MarkupLine($"[green]symbols[/] {list.Symbol.Count} available; subscribing to "
            + Markup.Escape(string.Join(", ", chosen.Select(s => s.SymbolName))));
        return await gateway.SubscribeSpotsAsync(accountId, chosen, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Refreshes the table until the trading script ended and the duration passed (or, without one, until Ctrl+C).</summary>
    private Task ShowLiveAsync(CliGateway gateway, Task trading, long started, TimeSpan? duration, CancellationToken cancellationToken) =>
        LiveView.ShowAsync(console, time, () => Render(gateway),
            () => trading.IsFaulted || (trading.IsCompleted && duration is { } d && time.GetElapsedTime(started) >= d),
            trading, cancellationToken);

    private static Rows Render(CliGateway gateway) => new(gateway.Quotes.Render(), gateway.Executions.Render());

    private static Table AccountsTable(ProtoOAGetAccountListByAccessTokenRes accounts, long chosen)
    {
        var table = new Table().Title("[bold]Accounts of the access token[/]").AddColumns("Account", "Login", "Environment", "Broker", "");
        foreach (var a in accounts.CtidTraderAccount)
        {
            table.AddRow(a.CtidTraderAccountId.ToString(CultureInfo.InvariantCulture), a.TraderLogin.ToString(CultureInfo.InvariantCulture),
                a.IsLive ? "live" : "demo", Markup.Escape(a.BrokerTitleShort), (long)a.CtidTraderAccountId == chosen ? "authorized" : "");
        }

        return table;
    }

    private void PrintSummary(DemoSummary s, CliGateway gateway)
    {
        var fills = gateway.Executions.Events.Count(e => e.ExecutionType == ProtoOAExecutionType.OrderFilled);
        var grid = new Grid().AddColumns(2)
            .AddRow("Round trip", $"{s.Symbol} buy {s.Volume / 100m:0.##} units, position {s.PositionId}")
            .AddRow("Entry / exit", string.Create(CultureInfo.InvariantCulture, $"{s.EntryPrice} / {s.ExitPrice}"))
            .AddRow("Gross profit", string.Create(CultureInfo.InvariantCulture, $"{s.GrossProfit:0.00} USD"))
            .AddRow("Limit order", string.Create(CultureInfo.InvariantCulture, $"buy at {s.LimitPrice}, placed and cancelled"))
            .AddRow("Fills", fills.ToString(CultureInfo.InvariantCulture))
            .AddRow("Execution events", gateway.Executions.Events.Count.ToString(CultureInfo.InvariantCulture))
            .AddRow("Spot events", gateway.Quotes.SpotEvents.ToString(CultureInfo.InvariantCulture));
        console.Write(new Panel(grid).Header("Summary"));
        console.MarkupLine("[green]demo finished[/]");
    }
}
