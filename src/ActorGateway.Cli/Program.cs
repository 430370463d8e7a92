using System.CommandLine;

var root = new RootCommand("ActorGateway: a cTrader Open API gateway, its exchange simulator and its load tool.");
root.Subcommands.Add(ActorGateway.Cli.Bench.BenchCommand.Create());
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
