using System.CommandLine;
using ActorGateway.Cli.Common;

namespace ActorGateway.Cli.Cluster;

/// <summary>
/// <c>cluster node --port P --seeds ADDR,... [--accounts 3001,3002|1-100 --gateway HOST:PORT | --client]</c>: one node of
/// the account cluster in the foreground, until Ctrl+C or SIGTERM. Credentials of the account sessions come from the
/// same environment variables (or <c>--config</c> file) as <c>connect</c>, never from the command line, where any user
/// of the machine could read them.
/// </summary>
internal static class NodeCommand
{
    private static readonly string[] LogLevels = ["DEBUG", "INFO", "WARNING", "ERROR"];

    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var defaults = new NodeSettings();
        var hostname = new Option<string>("--hostname")
        {
            Description = "Address to bind and advertise", DefaultValueFactory = _ => defaults.Hostname,
        };
        var port = new Option<int>("--port") { Description = "Port of this node (1-65535)", Required = true };
        var seeds = new Option<string>("--seeds")
        {
            Description = $"Seed nodes, comma-separated, e.g. {NodeAddresses.Of("127.0.0.1", 4053)}; a node listing itself first forms the cluster",
            Required = true,
        };
        var accounts = new Option<string?>("--accounts") { Description = "Accounts this node starts at boot: 3001,3002 or 1-100" };
        var gateway = new Option<string?>("--gateway") { Description = "HOST:PORT of the Open API endpoint (or simulator) of the accounts" };
        var client = new Option<bool>("--client") { Description = "A client node: hosts no accounts, reaches them through a proxy" };
        var plain = new Option<bool>("--plain") { Description = "Plain TCP to the endpoint (a local simulator without TLS)" };
        var insecure = new Option<bool>("--insecure") { Description = "Accept any server certificate (local simulators only)" };
        var config = new Option<string?>("--config") { Description = "HOCON file over hocon/reference.conf (gateway and connect sections)" };
        var shards = Positive("--shards", "Shards the accounts are spread over; the same on every node", defaults.Shards);
        var minimum = Positive("--min-account-nodes", "Account nodes that must join before accounts start", defaults.MinimumAccountNodes);
        var heartbeat = Positive("--heartbeat-ms", "Heartbeat interval between nodes", (int)defaults.Heartbeat.TotalMilliseconds);
        var pause = Positive("--acceptable-pause-ms", "Missing heartbeats this long make a node unreachable",
            (int)defaults.AcceptablePause.TotalMilliseconds);
        var stable = Positive("--stable-after-ms", "The split-brain resolver decides after membership was stable this long",
            (int)defaults.StableAfter.TotalMilliseconds);
        var margin = new Option<int?>("--down-removal-margin-ms") { Description = "Wait after downing before shards move (default: stable-after)" };
        var leaseTtl = new Option<int?>("--lease-ttl-ms")
        {
            Description = $"Hold each shard's lease in PostgreSQL with this time-to-live; the connection string from {NodeSettings.LeaseConnectionVariable}",
        };
        var logLevel = new Option<string>("--akka-log-level") { Description = "Akka's own log level", DefaultValueFactory = _ => defaults.AkkaLogLevel };
        OptionRules.OneOf(logLevel, LogLevels);
        OptionRules.InRange(port, 1, 65535, "--port must be from 1 to 65535.");
        OptionRules.InRange(margin, 0, int.MaxValue, "--down-removal-margin-ms must not be negative.");
        OptionRules.InRange(leaseTtl, 1000, int.MaxValue, "--lease-ttl-ms must be at least 1000 (renewals take a third of it).");

        var command = new Command("node", "Run one node of the account cluster until Ctrl+C or SIGTERM. Account sessions use the "
            + $"credentials of {CliCredentials.Variables}, or the connect section of a --config file.")
        {
            hostname, port, seeds, accounts, gateway, client, plain, insecure, config, shards, minimum, heartbeat, pause, stable, margin,
            leaseTtl, logLevel,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(context, parse.GetValue(verbose), ct =>
        {
            var settings = defaults with
            {
                Hostname = parse.GetValue(hostname)!,
                Port = parse.GetValue(port),
                Seeds = NodeAddresses.ParseSeeds(parse.GetValue(seeds)!),
                HostsAccounts = !parse.GetValue(client),
                Accounts = parse.GetValue(accounts) is { } list ? AccountList.Parse(list) : [],
                Gateway = parse.GetValue(gateway),
                Plain = parse.GetValue(plain),
                Insecure = parse.GetValue(insecure),
                Shards = parse.GetValue(shards),
                MinimumAccountNodes = parse.GetValue(minimum),
                Heartbeat = TimeSpan.FromMilliseconds(parse.GetValue(heartbeat)),
                AcceptablePause = TimeSpan.FromMilliseconds(parse.GetValue(pause)),
                StableAfter = TimeSpan.FromMilliseconds(parse.GetValue(stable)),
                DownRemovalMargin = parse.GetValue(margin) is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
                LeaseTimeToLive = parse.GetValue(leaseTtl) is { } ttl ? TimeSpan.FromMilliseconds(ttl) : null,
                AkkaLogLevel = parse.GetValue(logLevel)!.ToUpperInvariant(),
            };
            var sessions = NodeSessions.For(settings, parse.GetValue(config));
            var lease = settings.LeaseTimeToLive is null || !settings.HostsAccounts
                ? null
                : Environment.GetEnvironmentVariable(NodeSettings.LeaseConnectionVariable) is { Length: > 0 } connection
                    ? connection
                    : throw new CliException($"--lease-ttl-ms needs the lease store's connection string in {NodeSettings.LeaseConnectionVariable}.");
            return NodeRunner.RunAsync(context, settings, sessions, lease, ct);
        }, cancellationToken));
        return command;
    }

    private static Option<int> Positive(string name, string description, int value)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => value };
        OptionRules.AtLeast(option, 1);
        return option;
    }
}
