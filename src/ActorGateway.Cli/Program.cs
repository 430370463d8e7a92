using ActorGateway.Cli;
using Spectre.Console;

var root = CliRoot.Build(AnsiConsole.Console, TimeProvider.System);
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
