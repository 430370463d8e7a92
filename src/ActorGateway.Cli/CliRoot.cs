using System.CommandLine;
using System.CommandLine.Invocation;
using ActorGateway.Cli.Common;
using ActorGateway.Cli.Connect;
using ActorGateway.Cli.Demo;
using ActorGateway.Cli.Simulator;

namespace ActorGateway.Cli;

/// <summary>The root command with the commands of this project, and how a command line is run.</summary>
internal static class CliRoot
{
    /// <summary>The command's name in usage lines and messages, whatever the executable is called.</summary>
    public const string Name = "actorgateway";

    public static RootCommand Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Errors are one line unless asked otherwise; every command below reads this.
        var verbose = new Option<bool>("--verbose") { Description = "Show full errors with stack traces", Recursive = true };
        var root = new RootCommand("ActorGateway: a cTrader Open API gateway, its exchange simulator and its load tool.") { verbose };
        root.HelpName = Name;
        root.Subcommands.Add(DemoCommand.Create(context, verbose));
        root.Subcommands.Add(SimulatorCommand.Create(context));
        root.Subcommands.Add(ConnectCommand.Create(context, verbose));
        root.Subcommands.Add(Bench.BenchCommand.Create());
        root.Subcommands.Add(Soak.SoakCommand.Create(context, verbose));
        root.Subcommands.Add(Cluster.ClusterCommand.Create(context, verbose));
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A command line that does not parse ends here with one line and exit code
    /// 2 (bad input), as every other input mistake does; help and version requests run as usual.
    /// </summary>
    public static async Task<int> InvokeAsync(RootCommand root, CliContext context, string[] args, InvocationConfiguration? invocation,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(context);
        var result = root.Parse(args);
        if (result.Errors.Count > 0 && result.Action is ParseErrorAction)
        {
            context.Line($"error: {ParseErrors.Describe(result)}");
            return CommandRunner.BadInput;
        }

        return await result.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }
}
