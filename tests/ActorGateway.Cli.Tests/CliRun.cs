using System.CommandLine;
using ActorGateway.Cli.Common;

namespace ActorGateway.Cli.Tests;

/// <summary>Runs the CLI in-process as the program does, with its console captured as plain text (output redirected).</summary>
internal static class CliRun
{
    public static Task<(int ExitCode, string Output)> InvokeAsync(params string[] args) =>
        InvokeAsync(new StringWriter(), args, CancellationToken.None);

    public static async Task<(int ExitCode, string Output)> InvokeAsync(StringWriter writer, string[] args,
        CancellationToken cancellationToken)
    {
        var console = Terminal.PlainConsole(writer);
        // Wide enough that a one-line error stays on one line.
        console.Profile.Width = 400;
        var context = new CliContext(console, TimeProvider.System, Plain: true);
        var invocation = new InvocationConfiguration { Output = writer, Error = writer, ProcessTerminationTimeout = null };
        var exitCode = await CliRoot.InvokeAsync(CliRoot.Build(context), context, args, invocation, cancellationToken);
        return (exitCode, writer.ToString());
    }
}
