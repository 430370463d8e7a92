using Spectre.Console;
using Spectre.Console.Rendering;

namespace ActorGateway.Cli.Common;

/// <summary>A display refreshed a few times a second until its owner says it is finished or the command is cancelled.</summary>
internal static class LiveView
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    /// <param name="console">Where to draw.</param>
    /// <param name="time">The clock of the refresh cadence.</param>
    /// <param name="render">Draws the current state.</param>
    /// <param name="finished">Asked after each refresh.</param>
    /// <param name="wake">Refreshes at once when it completes (e.g. a script's end), rather than at the next tick.</param>
    /// <param name="cancellationToken">Ends the display (Ctrl+C).</param>
    public static Task ShowAsync(IAnsiConsole console, TimeProvider time, Func<IRenderable> render, Func<bool> finished, Task wake,
        CancellationToken cancellationToken) =>
        console.Live(render()).StartAsync(async live =>
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                live.UpdateTarget(render());
                live.Refresh();
                if (finished())
                {
                    return;
                }

                // The display's cadence, not a wait for something: whatever happened shows at the next refresh.
                using var tick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var delay = Task.Delay(RefreshInterval, time, tick.Token);
                // Once the wake-up has fired it stays complete: waiting on it again would spin the refresh loop.
                await (wake.IsCompleted ? delay : Task.WhenAny(wake, delay)).ConfigureAwait(false);
                await tick.CancelAsync().ConfigureAwait(false);
            }

            live.UpdateTarget(render());
        });
}
