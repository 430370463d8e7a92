using Spectre.Console;

namespace ActorGateway.Cli.Common;

/// <summary>
/// Decides whether the console is a terminal that can redraw a live table. Anything else (output redirected to a file or
/// a pipe, TERM=dumb as in CI and simple terminals, no ANSI support) gets plain lines: live views there either fail or
/// write the whole table at every refresh.
/// </summary>
internal static class Terminal
{
    /// <summary>True when output must be plain lines.</summary>
    /// <param name="ansi">Whether the console detected ANSI support.</param>
    /// <param name="outputRedirected">Whether standard output goes to a file or a pipe.</param>
    /// <param name="term">The TERM environment variable.</param>
    public static bool IsPlain(bool ansi, bool outputRedirected, string? term) =>
        !ansi || outputRedirected || string.Equals(term, "dumb", StringComparison.OrdinalIgnoreCase);

    /// <summary>The process's console: the detected one on a capable terminal, otherwise one that writes no ANSI codes.</summary>
    public static CliContext Detect(TimeProvider time)
    {
        var detected = AnsiConsole.Console;
        var plain = IsPlain(detected.Profile.Capabilities.Ansi, System.Console.IsOutputRedirected,
            Environment.GetEnvironmentVariable("TERM"));
        return new CliContext(plain ? PlainConsole(System.Console.Out) : detected, time, plain);
    }

    /// <summary>A console that writes plain text to <paramref name="writer"/>: no colours, no cursor movement.</summary>
    public static IAnsiConsole PlainConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });

        // Tables need a width; a pipe has none, and a narrow default would wrap every row.
        console.Profile.Width = 160;
        return console;
    }
}
