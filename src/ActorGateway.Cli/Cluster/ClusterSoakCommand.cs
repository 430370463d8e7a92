using System.CommandLine;
using ActorGateway.Cli.Common;

namespace ActorGateway.Cli.Cluster;

/// <summary>
/// <c>cluster soak --nodes 3 --accounts 100 --seconds 60 --kill 1 --freeze 1 [--json FILE]</c>: a local cluster of node
/// processes under load, one killed and one frozen, with the failover times and the invariants as JSON. Exits 1 when an
/// invariant fails (a request never answered, an order executed twice, a fault not recovered from...).
/// </summary>
internal static class ClusterSoakCommand
{
    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var defaults = new ClusterSoakSettings();
        var nodes = AtLeast("--nodes", "Account node processes to start", defaults.Nodes, 2);
        var accounts = AtLeast("--accounts", "Accounts (1..N) spread over the nodes", defaults.Accounts, 1);
        var seconds = AtLeast("--seconds", "Length of the load; it runs on until every fault was recovered from",
            (int)defaults.Duration.TotalSeconds, 1);
        var kill = AtLeast("--kill", "Nodes to kill -9, one after the other", defaults.Kills, 0);
        var freeze = AtLeast("--freeze", "Nodes to SIGSTOP after the kills, one after the other (SIGCONT once recovered)", defaults.Freezes, 0);
        var inFlight = AtLeast("--in-flight", "Requests awaiting their reply at once", defaults.InFlight, 1);
        var json = new Option<FileInfo?>("--json") { Description = "Also write the figures to this JSON file." };
        var lease = new Option<bool>("--lease")
        {
            Description = "Fence with a lease per shard in a PostgreSQL the soak starts (TTL 3 s, down-removal margin 100 ms)",
        };
        var command = new Command("soak", "Start the simulator, node processes on 127.0.0.1 and a client node; load every account, "
            + "kill -9 and freeze nodes; report formation, failover and the invariants.")
        {
            nodes, accounts, seconds, kill, freeze, inFlight, json, lease,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(context, parse.GetValue(verbose), ct =>
        {
            var settings = defaults with
            {
                Nodes = parse.GetValue(nodes),
                Accounts = parse.GetValue(accounts),
                Duration = TimeSpan.FromSeconds(parse.GetValue(seconds)),
                Kills = parse.GetValue(kill),
                Freezes = parse.GetValue(freeze),
                InFlight = parse.GetValue(inFlight),
                LeaseTimeToLive = parse.GetValue(lease) ? ClusterSoakSettings.LeaseTimeToLiveWhenOn : null,
            };
            if (settings.Kills + settings.Freezes >= settings.Nodes)
            {
                throw new CliException("--kill plus --freeze must be fewer than --nodes: at least one account node must stay up.");
            }

            if (settings.Accounts > AccountList.Most)
            {
                throw new CliException($"--accounts takes at most {AccountList.Most:N0}.");
            }

            return RunAsync(context, settings, NodeLauncher.OfThisProcess(), parse.GetValue(json), ct);
        }, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, ClusterSoakSettings settings, NodeLauncher launcher, FileInfo? json,
        CancellationToken cancellationToken)
    {
        var loadBefore = ClusterSoakReport.LoadAverage();
        context.Line($"cluster soak: {settings.Nodes} nodes, {settings.Accounts} accounts, {settings.Duration.TotalSeconds:0} s, "
            + $"{settings.Kills} kill, {settings.Freezes} freeze; deadline {settings.Deadline.TotalSeconds:0} s; load average {loadBefore}");
        var result = await ClusterSoakRunner.RunAsync(settings, launcher, context.Line, cancellationToken).ConfigureAwait(false);
        var machine = $"{Environment.ProcessorCount} cores; load average {loadBefore} before the run, {ClusterSoakReport.LoadAverage()} after";
        var text = ClusterSoakReport.ToJson(result, machine);
        if (json is not null)
        {
            await File.WriteAllTextAsync(json.FullName, text, cancellationToken).ConfigureAwait(false);
            context.Line($"figures written to {json.FullName}");
        }
        else
        {
            context.Line(text);
        }

        foreach (var line in ClusterSoakReport.Summary(result))
        {
            context.Line(line);
        }

        var failed = ClusterSoakReport.Invariants(result).Where(i => !i.Holds).ToList();
        if (failed.Count == 0)
        {
            context.Line("cluster soak passed: every invariant holds");
            return 0;
        }

        context.Line($"cluster soak FAILED: {string.Join(", ", failed.Select(i => $"{i.Name} = {i.Value}"))}");
        return CommandRunner.Failed;
    }

    private static Option<int> AtLeast(string name, string description, int value, int least)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => value };
        OptionRules.AtLeast(option, least);
        return option;
    }
}
