using System.Globalization;
using ActorGateway.Cli.Common;
using ActorGateway.Protocol.Messages;
using Spectre.Console;

namespace ActorGateway.Cli.Connect;

/// <summary>The <c>connect</c> subcommands: each opens a session, does one thing and shows it.</summary>
internal sealed class ConnectRunner(CliContext context, ConnectTarget target)
{
    private CliCredentials Credentials => new(target.Settings.ClientId, target.Settings.ClientSecret, target.Settings.AccessToken);

    public async Task<int> VersionAsync(CancellationToken cancellationToken)
    {
        var gateway = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var scope = gateway.ConfigureAwait(false);
        var version = await gateway.Session.AskAsync<ProtoOAVersionRes>(new ProtoOAVersionReq(), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        context.Line($"server version {version.Version}");
        return 0;
    }

    public async Task<int> AccountsAsync(CancellationToken cancellationToken)
    {
        var gateway = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var scope = gateway.ConfigureAwait(false);
        var accounts = await gateway.GetAccountsAsync(target.Settings.AccessToken!, cancellationToken).ConfigureAwait(false);
        var table = new Table().AddColumns("Account", "Login", "Environment", "Broker");
        foreach (var a in accounts)
        {
            table.AddRow(Text(a.CtidTraderAccountId), Text(a.TraderLogin), a.IsLive ? "live" : "demo", Markup.Escape(a.BrokerTitleShort));
        }

        context.Console.Write(table);
        return 0;
    }

    public async Task<int> SymbolsAsync(CancellationToken cancellationToken)
    {
        var gateway = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var scope = gateway.ConfigureAwait(false);
        var accountId = await AuthorizeAsync(gateway, cancellationToken).ConfigureAwait(false);
        var symbols = await gateway.Session.GetSymbolsAsync(accountId, cancellationToken).ConfigureAwait(false);
        var table = new Table().AddColumns("Id", "Name", "Description");
        foreach (var s in symbols.OrderBy(s => s.SymbolId))
        {
            table.AddRow(Text(s.SymbolId), Markup.Escape(s.SymbolName), Markup.Escape(s.Description));
        }

        context.Console.Write(table);
        return 0;
    }

    /// <summary>
    /// Shows prices until the time is up: a table on a terminal, a line per spot otherwise. The session renews the
    /// subscription after every drop, and the user is told when that happened.
    /// </summary>
    /// <param name="seconds">How long to show prices; 0: until Ctrl+C.</param>
    public async Task<int> SpotsAsync(IReadOnlyList<string> names, int seconds, CancellationToken cancellationToken)
    {
        if (seconds < 0)
        {
            throw new CliException("--seconds must be 0 (until Ctrl+C) or more.");
        }

        var gateway = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var scope = gateway.ConfigureAwait(false);
        var accountId = await AuthorizeAsync(gateway, cancellationToken).ConfigureAwait(false);
        var symbols = await gateway.FindAsync(accountId, names, cancellationToken).ConfigureAwait(false);
        if (context.Plain)
        {
            gateway.SpotReceived = spot => context.Line(gateway.Quotes.Line(spot.SymbolId) ?? "");
        }

        await gateway.SubscribeSpotsAsync(accountId, symbols, cancellationToken).ConfigureAwait(false);
        var started = context.Time.GetTimestamp();
        var never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously).Task;
        bool Finished() => seconds > 0 && context.Time.GetElapsedTime(started) >= TimeSpan.FromSeconds(seconds);
        await LiveView.ShowAsync(context, gateway.Quotes.Render, snapshot: null, Finished, never, cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <param name="units">In units of the symbol's base asset (1000 = one thousand), checked here before anything is sent.</param>
    public async Task<int> OrderAsync(string name, ProtoOATradeSide side, decimal units, double? limitPrice,
        CancellationToken cancellationToken)
    {
        if (units <= 0)
        {
            // Refused before connecting: a negative or zero volume is never worth a round trip.
            throw new CliException($"The volume must be a positive number of units, not {units.ToString(CultureInfo.InvariantCulture)}.");
        }

        var gateway = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var scope = gateway.ConfigureAwait(false);
        var accountId = await AuthorizeAsync(gateway, cancellationToken).ConfigureAwait(false);
        var symbol = (await gateway.FindAsync(accountId, [name], cancellationToken).ConfigureAwait(false))[0];
        var volume = Volume.ToWire(units, symbol.Spec, symbol.Name);
        var session = gateway.Session;
        var accepted = limitPrice is { } price
            ? await session.PlaceLimitOrderAsync(accountId, symbol.Spec.SymbolId, side, volume, price, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await session.PlaceMarketOrderAsync(accountId, symbol.Spec.SymbolId, side, volume, cancellationToken: cancellationToken).ConfigureAwait(false);

        // A market order is shown once filled, a limit order once accepted: both arrive as events too, for the display.
        var shown = limitPrice is null ? ProtoOAExecutionType.OrderFilled : ProtoOAExecutionType.OrderAccepted;
        await gateway.Executions.WaitForAsync(shown, accepted.Order.OrderId, context.Time, cancellationToken).ConfigureAwait(false);

        context.Console.Write(gateway.Executions.Render());
        return 0;
    }

    private Task<CliSession> OpenAsync(CancellationToken cancellationToken) =>
        CliSession.OpenAsync(context, target.Gateway, Credentials, target.Live, cancellationToken);

    private async Task<long> AuthorizeAsync(CliSession gateway, CancellationToken cancellationToken)
    {
        var account = await gateway.AuthorizeAccountAsync(target.Settings.AccessToken!, target.Settings.AccountId, target.Live,
            cancellationToken).ConfigureAwait(false);
        return (long)account.CtidTraderAccountId;
    }

    private static string Text<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);
}
