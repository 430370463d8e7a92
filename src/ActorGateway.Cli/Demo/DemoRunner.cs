using System.Collections.Concurrent;
using System.Globalization;
using ActorGateway.Cli.Common;
using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ActorGateway.Cli.Demo;

/// <summary>
/// The demo: the simulator in-process on a free port, a gateway session over TLS trusting exactly the simulator's
/// certificate, and the newcomer's path through the API with a display of prices, the account mirror (open positions
/// with their profit) and one order book until the time is up or Ctrl+C; a summary either way.
/// </summary>
internal sealed class DemoRunner(CliContext context)
{
    private const string ClientId = "actorgateway-demo";
    private const string ClientSecret = "demo-secret";
    private const string AccessToken = "demo-access-token";
    private static readonly string[] PreferredSymbols = ["EURUSD", "GBPUSD", "USDJPY", "XAUUSD"];

    private readonly ConcurrentQueue<string> _steps = new();
    private DemoState? _state;

    /// <param name="duration">How long the display runs at least; null: until cancelled (Ctrl+C), which is then a normal end.</param>
    /// <returns>0, or <see cref="CommandRunner.Interrupted"/> when Ctrl+C came before the trading script finished.</returns>
    public async Task<int> RunAsync(TimeSpan? duration, int seed, CancellationToken cancellationToken)
    {
        var started = context.Time.GetTimestamp();
        var server = new SimulatorServer(new SimulatorOptions { Port = 0, Seed = seed }, context.Time);
        await using var serverScope = server.ConfigureAwait(false);
        await context.RunWithStatusAsync("starting the exchange simulator...", _ => server.StartAsync(cancellationToken)).ConfigureAwait(false);
        context.Line($"simulator {server.ListeningLine}");

        var options = new GatewayOptions
        {
            Hosts = [$"127.0.0.1:{server.EndPoint.Port}"],
            Tls = { TrustedCertificate = server.Certificate },
            TimeProvider = context.Time,
        };
        var gateway = await CliSession.OpenAsync(context, options, new CliCredentials(ClientId, ClientSecret, AccessToken), live: false,
            cancellationToken).ConfigureAwait(false);
        await using var gatewayScope = gateway.ConfigureAwait(false);

        DemoSummary? summary = null;
        try
        {
            summary = await TradeAsync(gateway, started, duration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: what was done so far is still worth a summary.
        }

        PrintSummary(summary, gateway, cancellationToken.IsCancellationRequested);
        return summary is null ? CommandRunner.Interrupted : 0;
    }

    private async Task<DemoSummary?> TradeAsync(CliSession gateway, long started, TimeSpan? duration, CancellationToken cancellationToken)
    {
        var account = await gateway.AuthorizeAccountAsync(AccessToken, accountId: 0, live: false, cancellationToken).ConfigureAwait(false);
        var accountId = (long)account.CtidTraderAccountId;
        context.Console.Write(AccountsTable(await gateway.GetAccountsAsync(AccessToken, cancellationToken).ConfigureAwait(false), accountId));

        var symbols = await SubscribeAsync(gateway, accountId, cancellationToken).ConfigureAwait(false);
        var mirror = await gateway.Session.MirrorAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
        var book = await gateway.Session.OpenOrderBookAsync(accountId, symbols[0].Spec.SymbolId, cancellationToken).ConfigureAwait(false);
        _state = new DemoState(mirror, book, symbols[0].Name);
        var trader = new DemoTrader(gateway, accountId, context.Time, Step, ShowStateAsync);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var refreshing = context.Plain ? Task.CompletedTask : _state.RefreshUntilAsync(context.Time, stop.Token);
        var trading = trader.RunAsync(symbols[0], stop.Token);
        await LiveView.ShowAsync(context, () => Render(gateway), gateway.Quotes.Snapshot,
            () => trading.IsFaulted || (trading.IsCompleted && duration is { } d && context.Time.GetElapsedTime(started) >= d),
            trading, cancellationToken).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await refreshing.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false); // ends with the cancellation

        if (trading.IsCompletedSuccessfully)
        {
            return trading.Result;
        }

        await trading.ConfigureAwait(false); // a failure of the script ends the command with its message
        return null;
    }

    private async Task<IReadOnlyList<TrackedSymbol>> SubscribeAsync(CliSession gateway, long accountId, CancellationToken cancellationToken)
    {
        var list = await gateway.Session.GetSymbolsAsync(accountId, cancellationToken).ConfigureAwait(false);
        var chosen = list.Where(s => PreferredSymbols.Contains(s.SymbolName, StringComparer.Ordinal))
            .OrderBy(s => Array.IndexOf(PreferredSymbols, s.SymbolName)).Select(s => s.SymbolName).ToList();
        if (chosen.Count == 0)
        {
            chosen = [.. list.Take(PreferredSymbols.Length).Select(s => s.SymbolName)];
        }

        context.Line($"symbols: {list.Count} available; subscribing to {string.Join(", ", chosen)}");
        var tracked = await gateway.FindAsync(accountId, chosen, cancellationToken).ConfigureAwait(false);
        await gateway.SubscribeSpotsAsync(accountId, tracked, cancellationToken).ConfigureAwait(false);
        return tracked;
    }

    /// <summary>A step of the script: a line of its own in plain output, a row under the tables on a terminal.</summary>
    private void Step(string text)
    {
        _steps.Enqueue(text);
        if (context.Plain)
        {
            context.Line(text);
        }
    }

    private Rows Render(CliSession gateway) =>
        new([gateway.Quotes.Render(), .. _state is null ? [] : new[] { _state.Render() }, gateway.Executions.Render(),
            .. _steps.Select(s => (IRenderable)new Text(s))]);

    /// <summary>In plain output, the mirror and the book as a few lines now; on a terminal the display redraws them anyway.</summary>
    private async Task ShowStateAsync(CancellationToken cancellationToken)
    {
        if (_state is null || !context.Plain)
        {
            return;
        }

        await _state.RefreshAsync(cancellationToken).ConfigureAwait(false);
        foreach (var line in _state.Lines())
        {
            Step(line);
        }
    }

    private static Table AccountsTable(IReadOnlyList<ProtoOACtidTraderAccount> accounts, long chosen)
    {
        var table = new Table().Title("[bold]Accounts of the access token[/]").AddColumns("Account", "Login", "Environment", "Broker", "");
        foreach (var a in accounts)
        {
            table.AddRow(a.CtidTraderAccountId.ToString(CultureInfo.InvariantCulture), a.TraderLogin.ToString(CultureInfo.InvariantCulture),
                a.IsLive ? "live" : "demo", Markup.Escape(a.BrokerTitleShort), (long)a.CtidTraderAccountId == chosen ? "authorized" : "");
        }

        return table;
    }

    private void PrintSummary(DemoSummary? s, CliSession gateway, bool interrupted)
    {
        var events = gateway.Executions.Events;
        if (context.Plain)
        {
            // Nothing was redrawn, so the executions have not been shown yet.
            context.Console.Write(gateway.Executions.Render());
        }

        var grid = new Grid().AddColumns(2);
        if (s is null)
        {
            grid.AddRow("Round trip", "not finished: interrupted");
        }
        else
        {
            grid.AddRow("Round trip", $"{s.Symbol} buy {Volume.Format(s.Volume)} units, position {s.PositionId}")
                .AddRow("Entry / exit", string.Create(CultureInfo.InvariantCulture, $"{s.EntryPrice} / {s.ExitPrice}"))
                .AddRow("Gross profit", string.Create(CultureInfo.InvariantCulture, $"{s.GrossProfit:0.00} USD"))
                .AddRow("Limit order", string.Create(CultureInfo.InvariantCulture, $"buy at {s.LimitPrice}, placed and cancelled"));
        }

        grid.AddRow("Fills", events.Count(e => e.ExecutionType == ProtoOAExecutionType.OrderFilled).ToString(CultureInfo.InvariantCulture))
            .AddRow("Execution events", events.Count.ToString(CultureInfo.InvariantCulture))
            .AddRow("Spot events", gateway.Quotes.SpotEvents.ToString(CultureInfo.InvariantCulture))
            .AddRow("Reconnects", gateway.Session.Reconnects.ToString(CultureInfo.InvariantCulture));
        context.Console.Write(new Panel(grid).Header("Summary"));
        context.Line(interrupted ? "demo stopped (Ctrl+C)" : "demo finished");
    }
}
