using System.CommandLine;
using Spectre.Console;

namespace ActorGateway.Cli.Tests;

/// <summary>Runs the CLI in-process with its console captured as plain text.</summary>
internal static class CliRun
{
    public static Task<(int ExitCode, string Output)> InvokeAsync(params string[] args) =>
        InvokeAsync(new StringWriter(), args, CancellationToken.None);

    public static async Task<(int ExitCode, string Output)> InvokeAsync(StringWriter writer, string[] args,
        CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // Wide enough that a one-line error stays on one line.
        console.Profile.Width = 400;
        var root = CliRoot.Build(console, TimeProvider.System);
        var invocation = new InvocationConfiguration { Output = writer, Error = writer, ProcessTerminationTimeout = null };
        var exitCode = await root.Parse(args).InvokeAsync(invocation, cancellationToken);
        return (exitCode, writer.ToString());
    }
}
