using System.Globalization;
using ActorGateway.Protocol.Messages;
using ActorGateway.State;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ActorGateway.Cli.Demo;

/// <summary>
/// The account mirror and one order book as the demo shows them: a table of open positions with their profit at the
/// last price and the book's top levels, redrawn on a terminal; in plain output, a few lines at the moment the script
/// asks (while its position is open).
/// </summary>
internal sealed class DemoState(AccountMirror mirror, OrderBook book, string symbolName)
{
    private const int Levels = 5;

    private AccountSnapshot? _account;
    private BookSnapshot? _book;

    /// <summary>Reads both snapshots after everything the server sent so far has been applied.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await mirror.CatchUpAsync(cancellationToken).ConfigureAwait(false);
        await book.CatchUpAsync(cancellationToken).ConfigureAwait(false);
        _account = await mirror.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        _book = await book.GetSnapshotAsync(Levels, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Keeps the snapshots fresh for the live display until cancelled.</summary>
    public async Task RefreshUntilAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500), time);
        do
        {
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    public IEnumerable<string> Lines()
    {
        if (_account is { } account)
        {
            yield return Invariant($"mirror: balance {account.Balance:0.00} USD, {account.Positions.Count} open position(s), {account.Orders.Count} working order(s)");
            foreach (var p in account.Positions)
            {
                yield return Invariant($"  position {p.Id} {Side(p.Side)} {p.Units:0.##} at {p.EntryPrice}, P&L {Profit(account, p.Id)} USD");
            }
        }

        if (_book is { } top)
        {
            yield return Invariant($"book {symbolName}: bids {string.Join(", ", top.Bids.Select(Level))}");
            yield return Invariant($"book {symbolName}: asks {string.Join(", ", top.Asks.Select(Level))}");
        }
    }

    public IRenderable Render()
    {
        var positions = new Table().Title("[bold]Open positions (account mirror)[/]").AddColumns("Position", "Side", "Units", "Entry", "P&L USD");
        if (_account is { } account)
        {
            foreach (var p in account.Positions)
            {
                positions.AddRow(Invariant($"{p.Id}"), Side(p.Side), Invariant($"{p.Units:0.##}"), Invariant($"{p.EntryPrice}"), Profit(account, p.Id));
            }

            positions.Caption(Invariant($"balance {account.Balance:0.00} USD, equity {account.Equity:0.00}, {account.Orders.Count} working order(s)"));
        }

        var levels = new Table().Title(Invariant($"[bold]Order book {symbolName}[/]")).AddColumns("Bid size", "Bid", "Ask", "Ask size");
        if (_book is { } top)
        {
            for (var i = 0; i < Math.Max(top.Bids.Count, top.Asks.Count); i++)
            {
                var bid = i < top.Bids.Count ? top.Bids[i] : (BookLevel?)null;
                var ask = i < top.Asks.Count ? top.Asks[i] : (BookLevel?)null;
                levels.AddRow(Invariant($"{bid?.Units:0.##}"), Invariant($"{bid?.Price:0.00000}"), Invariant($"{ask?.Price:0.00000}"),
                    Invariant($"{ask?.Units:0.##}"));
            }
        }

        return new Columns(positions, levels);
    }

    private static string Profit(AccountSnapshot account, long positionId) =>
        account.UnrealizedPnL.TryGetValue(positionId, out var pnl) ? Invariant($"{pnl:0.00}") : "n/a";

    private static string Level(BookLevel level) => Invariant($"{level.Price:0.00000} ({level.Units:0.##})");

    private static string Side(ProtoOATradeSide side) => side == ProtoOATradeSide.Buy ? "buy" : "sell";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
