using Spectre.Console;

namespace ActorGateway.Cli.Common;

/// <summary>
/// What every command writes to and how: the console, the clock, and whether output must be plain lines (no ANSI codes,
/// no redraws, no spinners) because nobody is watching a capable terminal.
/// </summary>
internal sealed record CliContext(IAnsiConsole Console, TimeProvider Time, bool Plain)
{
    /// <summary>Writes one line as is: never wrapped, never interpreted as markup, so scripts can read it.</summary>
    public void Line(string text) => Console.Profile.Out.Writer.WriteLine(text);

    /// <summary>Runs <paramref name="work"/> under a spinner on a terminal, or after one plain line saying what it does.</summary>
    public async Task RunWithStatusAsync(string doing, Func<Action<string>, Task> work)
    {
        if (Plain)
        {
            Line(doing);
            await work(Line).ConfigureAwait(false);
            return;
        }

        await Console.Status().StartAsync(Markup.Escape(doing), status => work(text => status.Status(Markup.Escape(text))))
            .ConfigureAwait(false);
    }
}
