using ActorGateway.Cli;
using ActorGateway.Cli.Common;

var context = Terminal.Detect(TimeProvider.System);
return await CliRoot.InvokeAsync(CliRoot.Build(context), context, args, invocation: null).ConfigureAwait(false);
