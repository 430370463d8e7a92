using Spectre.Console;
using Spectre.Console.Rendering;

namespace ActorGateway.Cli.Common;

/// <summary>
/// A display that follows a command's state until its owner says it is finished or the command is cancelled: a table
/// redrawn in place on a terminal, or, for plain output, a line now and then (never a redraw).
/// </summary>
internal static class LiveView
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan FirstSnapshot = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SnapshotInterval = TimeSpan.FromSeconds(5);

    /// <param name="context">Where to draw, and whether plainly.</param>
    /// <param name="render">Draws the current state (terminal).</param>
    /// <param name="snapshot">One line of the current state, written every few seconds (plain); null writes nothing.</param>
    /// <param name="finished">Asked after each refresh.</param>
    /// <param name="wake">Refreshes at once when it completes (e.g. a script's end), rather than at the next tick.</param>
    /// <param name="cancellationToken">Ends the display (Ctrl+C).</param>
    public static Task ShowAsync(CliContext context, Func<IRenderable> render, Func<string>? snapshot, Func<bool> finished, Task wake,
        CancellationToken cancellationToken) =>
        context.Plain
            ? PlainAsync(context, snapshot, finished, wake, cancellationToken)
            : context.Console.Live(render()).StartAsync(async live =>
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    live.UpdateTarget(render());
                    live.Refresh();
                    if (finished())
                    {
                        return;
                    }

                    await TickAsync(context.Time, wake, cancellationToken).ConfigureAwait(false);
                }

                live.UpdateTarget(render());
            });

    private static async Task PlainAsync(CliContext context, Func<string>? snapshot, Func<bool> finished, Task wake,
        CancellationToken cancellationToken)
    {
        // The first line once prices had a moment to arrive, then one every few seconds.
        var started = context.Time.GetTimestamp();
        var next = FirstSnapshot;
        while (!cancellationToken.IsCancellationRequested && !finished())
        {
            if (snapshot is not null && context.Time.GetElapsedTime(started) >= next)
            {
                context.Line(snapshot());
                next += SnapshotInterval;
            }

            await TickAsync(context.Time, wake, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The display's cadence, not a wait for something: whatever happened shows at the next refresh.</summary>
    private static async Task TickAsync(TimeProvider time, Task wake, CancellationToken cancellationToken)
    {
        using var tick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(RefreshInterval, time, tick.Token);
        // Once the wake-up has fired it stays complete: waiting on it again would spin the refresh loop.
        await (wake.IsCompleted ? Task.WhenAny(delay) : Task.WhenAny(wake, delay)).ConfigureAwait(false);
        await tick.CancelAsync().ConfigureAwait(false);
    }
}
