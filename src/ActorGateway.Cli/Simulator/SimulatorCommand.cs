using System.CommandLine;
using System.CommandLine.Help;
using ActorGateway.Cli.Common;
using ActorGateway.Simulator;
using ActorGateway.Simulator.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace ActorGateway.Cli.Simulator;

/// <summary>
/// <c>simulator</c>: the exchange simulator standalone, with exactly the options of its own executable (the same
/// option objects and resolution, borrowed from its command line).
/// </summary>
internal static class SimulatorCommand
{
    public static Command Create(IAnsiConsole console, TimeProvider time)
    {
        var own = SimulatorCommandLine.Build((options, level, ct) => RunAsync(console, time, options, level, ct));
        var command = new Command("simulator", own.Description);
        foreach (var option in own.Options.Where(o => o is not HelpOption and not VersionOption))
        {
            command.Options.Add(option);
        }

        command.Action = own.Action;
        return command;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, TimeProvider time, SimulatorOptions options, LogLevel level,
        CancellationToken cancellationToken)
    {
        using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(level));
        var server = new SimulatorServer(options, time, logging);
        try
        {
            return await ServeAsync(console, time, server, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<int> ServeAsync(IAnsiConsole console, TimeProvider time, SimulatorServer server,
        SimulatorOptions options, CancellationToken cancellationToken)
    {
        await server.StartAsync(cancellationToken).ConfigureAwait(false);

        // The listening line stays plain and first, so scripts can read the port from it.
        console.WriteLine(server.ListeningLine);
        console.MarkupLine($"[grey]application {Markup.Escape(options.Credentials.ClientId)}; built-in demo token "
            + "demo-access-token unless the configuration lists tokens; Ctrl+C stops[/]");
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: the normal way to stop.
        }

        return 0;
    }
}
