using System.CommandLine;
using ActorGateway.Cli.Common;
using ActorGateway.Protocol.Messages;

namespace ActorGateway.Cli.Connect;

/// <summary>
/// <c>connect</c>: talk to any Open API endpoint (the real demo host by default) with credentials from the environment
/// or a HOCON file: <c>version</c>, <c>accounts</c>, <c>symbols</c>, <c>spots SYMBOL...</c>, <c>order ...</c>.
/// </summary>
internal static class ConnectCommand
{
    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var config = Shared<string>("--config", "HOCON file over hocon/reference.conf (gateway and connect sections)");
        var host = Shared<string>("--host", "host or host:port (default: demo.ctraderapi.com:5035, or the configured hosts)");
        var live = Shared<bool>("--live", "Use the live environment (live.ctraderapi.com and live accounts)");
        var trust = Shared<string>("--trust-cert", "PEM or DER certificate to trust instead of the system's roots (a simulator's)");
        var insecure = Shared<bool>("--insecure", "Accept any server certificate (local simulators only)");
        var account = Shared<long?>("--account", "ctidTraderAccountId (default: the token's first account of the environment)");
        var command = new Command("connect", "Connect to an Open API endpoint and run one request. Credentials come from the "
            + $"environment variables {CliCredentials.Variables}, or from the connect section of a --config file.")
        {
            config, host, live, trust, insecure, account,
        };

        Command Sub(string name, string description, Func<ParseResult, ConnectRunner, CancellationToken, Task<int>> run)
        {
            var sub = new Command(name, description);
            sub.SetAction((result, cancellationToken) => CommandRunner.RunAsync(context, result.GetValue(verbose), ct =>
            {
                var target = ConnectTarget.Resolve(result.GetValue(config), result.GetValue(host), result.GetValue(live),
                    result.GetValue(trust), result.GetValue(insecure), result.GetValue(account));
                return run(result, new ConnectRunner(context, target), ct);
            }, cancellationToken));
            command.Subcommands.Add(sub);
            return sub;
        }

        Sub("version", "Show the server's protocol version", (_, runner, ct) => runner.VersionAsync(ct));
        Sub("accounts", "List the trading accounts the access token grants", (_, runner, ct) => runner.AccountsAsync(ct));
        Sub("symbols", "List the account's symbols", (_, runner, ct) => runner.SymbolsAsync(ct));

        var names = new Argument<string[]>("symbols") { Description = "Symbol names, e.g. EURUSD GBPUSD", Arity = ArgumentArity.OneOrMore };
        var seconds = new Option<int>("--seconds")
        {
            Description = "Show prices this long; 0 until Ctrl+C (default 10)", DefaultValueFactory = _ => 10,
        };
        Sub("spots", "Show live bid/ask of symbols", (r, runner, ct) => runner.SpotsAsync(r.GetValue(names)!, r.GetValue(seconds), ct))
            .Add(names, seconds);

        var symbol = new Argument<string>("symbol") { Description = "Symbol name, e.g. EURUSD" };
        var side = new Argument<OrderSide>("side") { Description = "buy or sell" };
        var volume = new Argument<decimal>("volume")
        {
            Description = "Volume in units of the symbol's base asset, e.g. 1000 (EURUSD: one thousand euros)",
        };
        var limit = new Option<double?>("--limit") { Description = "Limit price (default: a market order)" };
        Sub("order", "Place a market order (or a limit order with --limit) and show its execution events",
            (r, runner, ct) => runner.OrderAsync(r.GetValue(symbol)!,
                r.GetValue(side) == OrderSide.Buy ? ProtoOATradeSide.Buy : ProtoOATradeSide.Sell, r.GetValue(volume),
                r.GetValue(limit), ct))
            .Add(symbol, side, volume, limit);
        return command;
    }

    private static Option<T> Shared<T>(string name, string description) => new(name) { Description = description, Recursive = true };

    private static void Add(this Command command, params Symbol[] symbols)
    {
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
            }
        }
    }

    /// <summary>The side as typed on the command line (case-insensitive).</summary>
    private enum OrderSide
    {
        Buy,
        Sell,
    }
}
