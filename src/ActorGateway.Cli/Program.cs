using System.CommandLine;

var root = new RootCommand("ActorGateway: a cTrader Open API gateway, its exchange simulator and its load tool.");
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
