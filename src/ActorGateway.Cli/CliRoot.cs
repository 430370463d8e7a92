using System.CommandLine;
using ActorGateway.Cli.Connect;
using ActorGateway.Cli.Demo;
using ActorGateway.Cli.Simulator;
using Spectre.Console;

namespace ActorGateway.Cli;

/// <summary>The root command with the commands of this project; the program adds the rest and invokes it.</summary>
internal static class CliRoot
{
    public static RootCommand Build(IAnsiConsole console, TimeProvider time)
    {
        // Errors are one line unless asked otherwise; every command below reads this.
        var verbose = new Option<bool>("--verbose") { Description = "Show full errors with stack traces", Recursive = true };
        var root = new RootCommand("ActorGateway: a cTrader Open API gateway, its exchange simulator and its load tool.") { verbose };
        root.Subcommands.Add(DemoCommand.Create(console, verbose, time));
        root.Subcommands.Add(SimulatorCommand.Create(console, time));
        root.Subcommands.Add(ConnectCommand.Create(console, verbose, time));
        root.Subcommands.Add(Bench.BenchCommand.Create());
        return root;
    }
}
