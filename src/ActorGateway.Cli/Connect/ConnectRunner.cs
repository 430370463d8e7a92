using System.Globalization;
using ActorGateway.Cli.Common;
using ActorGateway.Protocol.Messages;
using Spectre.Console;

namespace ActorGateway.Cli.Connect;

/// <summary>The <c>connect</c> subcommands: each opens the gateway, does one thing and shows it.</summary>
internal sealed class ConnectRunner(IAnsiConsole console, TimeProvider time, ConnectTarget target)
{
    public async Task<int> VersionAsync(CancellationToken cancellationToken)
    {
        var gateway = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var scope = gateway.ConfigureAwait(false);
        var version = await gateway.Client.GetVersionAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        console.MarkupLine($"server version [bold]{Markup.Escape(version.Version)}[/]");
        return 0;
    }

    public async Task<int> AccountsAsync(CancellationToken cancellationToken)
    {
        var gateway = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var scope = gateway.ConfigureAwait(false);
        var token = CliGateway.RequireToken(target.Settings.AccessToken);
        var accounts = await gateway.Client.GetAccountsAsync(token, cancellationToken: cancellationToken).ConfigureAwait(false);
        var table = new Table().AddColumns("Account", "Login", "Environment", "Broker");
        foreach (var a in accounts.CtidTraderAccount)
        {
            table.AddRow(Text(a.CtidTraderAccountId), Text(a.TraderLogin), a.IsLive ? "live" : "demo", Markup.Escape(a.BrokerTitleShort));
        }

        console.Write(table);
        return 0;
    }

    public async Task<int> SymbolsAsync(CancellationToken cancellationToken)
    {
        var gateway = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var scope = gateway.ConfigureAwait(false);
        var accountId = await AuthorizeAsync(gateway, cancellationToken).ConfigureAwait(false);
        var list = await gateway.Client.GetSymbolsAsync(accountId, cancellationToken: cancellationToken).ConfigureAwait(false);
        var table = new Table().AddColumns("Id", "Name", "Description");
        foreach (var s in list.Symbol.OrderBy(s => s.SymbolId))
        {
            table.AddRow(Text(s.SymbolId), Markup.Escape(s.SymbolName), Markup.Escape(s.Description));
        }

        console.Write(table);
        return 0;
    }

    /// <param name="seconds">How long to show prices; 0: until Ctrl+C.</param>
    public async Task<int> SpotsAsync(IReadOnlyList<string> names, int seconds, CancellationToken cancellationToken)
    {
        var gateway = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var scope = gateway.ConfigureAwait(false);
        var accountId = await AuthorizeAsync(gateway, cancellationToken).ConfigureAwait(false);
        var symbols = await FindAsync(gateway, accountId, names, cancellationToken).ConfigureAwait(false);
        await gateway.SubscribeSpotsAsync(accountId, symbols, cancellationToken).ConfigureAwait(false);
        var started = time.GetTimestamp();
        var never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously).Task;
        bool Finished() => seconds > 0 && time.GetElapsedTime(started) >= TimeSpan.FromSeconds(seconds);
        await LiveView.ShowAsync(console, time, gateway.Quotes.Render, Finished, never, cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <param name="volume">In units (1000 = one thousand units); the wire takes hundredths.</param>
    public async Task<int> OrderAsync(string name, ProtoOATradeSide side, decimal volume, double? limitPrice,
        CancellationToken cancellationToken)
    {
        var gateway = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var scope = gateway.ConfigureAwait(false);
        var accountId = await AuthorizeAsync(gateway, cancellationToken).ConfigureAwait(false);
        var symbol = (await FindAsync(gateway, accountId, [name], cancellationToken).ConfigureAwait(false))[0];
        var wireVolume = decimal.ToInt64(volume * 100);
        var accepted = limitPrice is { } price
            ? await gateway.Client.PlaceLimitOrderAsync(accountId, symbol.SymbolId, side, wireVolume, price,
                cancellationToken: cancellationToken).ConfigureAwait(false)
            : await gateway.Client.PlaceMarketOrderAsync(accountId, symbol.SymbolId, side, wireVolume,
                cancellationToken: cancellationToken).ConfigureAwait(false);
        // A market order is shown once filled, a limit order once accepted: both arrive as events too, for the display.
        var shown = limitPrice is null ? ProtoOAExecutionType.OrderFilled : ProtoOAExecutionType.OrderAccepted;
        await gateway.Executions.WaitForAsync(shown, accepted.Order.OrderId, time, cancellationToken).ConfigureAwait(false);

        console.Write(gateway.Executions.Render());
        return 0;
    }

    private Task<CliGateway> OpenAsync(CancellationToken cancellationToken) =>
        CliGateway.OpenAsync(console, target.Gateway, target.Settings.ClientId, target.Settings.ClientSecret, cancellationToken);

    private async Task<long> AuthorizeAsync(CliGateway gateway, CancellationToken cancellationToken)
    {
        var account = await gateway.AuthorizeAccountAsync(target.Settings.AccessToken, target.Settings.AccountId, target.Live,
            cancellationToken).ConfigureAwait(false);
        console.MarkupLine($"[green]account[/] {Text(account.CtidTraderAccountId)} authorized");
        return (long)account.CtidTraderAccountId;
    }

    /// <exception cref="CliException">A name is not a symbol of the account.</exception>
    private static async Task<IReadOnlyList<ProtoOALightSymbol>> FindAsync(CliGateway gateway, long accountId, IReadOnlyList<string> names,
        CancellationToken cancellationToken)
    {
        var list = await gateway.Client.GetSymbolsAsync(accountId, cancellationToken: cancellationToken).ConfigureAwait(false);
        var byName = list.Symbol.ToDictionary(s => s.SymbolName, StringComparer.OrdinalIgnoreCase);
        return [.. names.Select(n => byName.TryGetValue(n, out var s) ? s : throw new CliException($"Unknown symbol '{n}'."))];
    }

    private static string Text<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);
}
