using System.CommandLine;
using System.CommandLine.Parsing;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Simulator.Hosting;

/// <summary>
/// The executable's command line. A <c>--config</c> file is read first; flags given on the command line override it.
/// </summary>
internal static class SimulatorCommandLine
{
    private static readonly Option<string> Host = Flag<string>("--host", "Address to listen on (default 127.0.0.1)");
    private static readonly Option<int> Port = Flag<int>("--port", "Port to listen on; 0 picks a free one (default 5035)");
    private static readonly Option<bool> NoTls = Flag<bool>("--no-tls", "Plain TCP instead of TLS");
    private static readonly Option<string> Cert = Flag<string>("--cert", "PKCS#12 certificate file (default: self-signed, made at start)");
    private static readonly Option<int> Seed = Flag<int>("--seed", "Seed of prices and random faults (default 1)");
    private static readonly Option<string> Config = Flag<string>("--config", "HOCON (.conf, its simulator section) or JSON file with any of the options (see README)");
    private static readonly Option<int> DropAfter = Flag<int>("--drop-after", "Fault: close each connection at its Nth message");
    private static readonly Option<double> DropRate = Flag<double>("--drop-rate", "Fault: chance that a message closes its connection");
    private static readonly Option<int> ReplyDelay = Flag<int>("--reply-delay-ms", "Fault: hold every outbound frame back this many ms");
    private static readonly Option<int> MaxConnections = Flag<int>("--max-connections", "Connections open at once; more are reset (default 1000)");
    private static readonly Option<bool> NoRateLimits = Flag<bool>("--no-rate-limits", "Do not enforce the 50/5 requests/s limits");
    private static readonly Option<uint[]> NeverAnswer = new("--never-answer")
    {
        Description = "Fault: payload type(s) never answered", AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<LogLevel> Verbosity = new("--log-level")
    {
        Description = "Log level on the console (default Warning)", DefaultValueFactory = _ => LogLevel.Warning,
    };

    /// <summary>Builds the root command; <paramref name="run"/> gets the resolved options and the log level.</summary>
    public static RootCommand Build(Func<SimulatorOptions, LogLevel, CancellationToken, Task<int>> run)
    {
        var root = new RootCommand("ActorGateway exchange simulator: a cTrader Open API server for offline development and tests.")
        {
            Host, Port, NoTls, Cert, Seed, Config, MaxConnections, DropAfter, DropRate, ReplyDelay, NeverAnswer, NoRateLimits, Verbosity,
        };
        root.SetAction((result, cancellationToken) => run(Resolve(result), result.GetValue(Verbosity), cancellationToken));
        return root;
    }

    /// <summary>The options a parsed command line describes.</summary>
    public static SimulatorOptions Resolve(ParseResult result)
    {
        var options = SimulatorConfiguration.Load(result.GetValue(Config));
        Override(result, Host, v => options.Host = v!);
        Override(result, Port, v => options.Port = v);
        Override(result, NoTls, v => options.UseTls = !v);
        Override(result, Cert, v => options.CertificatePath = v);
        Override(result, Seed, v => options.Seed = v);
        Override(result, MaxConnections, v => options.MaxConnections = v);
        Override(result, NoRateLimits, v => options.RateLimits.Enabled = !v);
        Override(result, DropAfter, v => options.Faults.DropAfterMessages = v);
        Override(result, DropRate, v => options.Faults.DropRate = v);
        Override(result, ReplyDelay, v => options.Faults.ReplyDelay = TimeSpan.FromMilliseconds(v));
        Override(result, NeverAnswer, v => options.Faults.NeverAnswer = [.. v!]);
        return options;
    }

    private static Option<T> Flag<T>(string name, string description) => new(name) { Description = description };

    private static void Override<T>(ParseResult result, Option<T> option, Action<T?> apply)
    {
        if (result.GetResult(option) is { Implicit: false })
        {
            apply(result.GetValue(option));
        }
    }
}
