using System.Globalization;
using System.Text.RegularExpressions;
using ActorGateway.Cli.Common;

namespace ActorGateway.Cli.Cluster;

/// <summary>
/// Node addresses as seeds name them, <c>akka.tcp://actorgateway@HOST:PORT</c>: every node of this project's cluster runs
/// an actor system of that one name, so a seed naming another system could never be joined and is refused up front.
/// </summary>
internal static partial class NodeAddresses
{
    public const string SystemName = "actorgateway";

    public static string Of(string host, int port) =>
        string.Create(CultureInfo.InvariantCulture, $"akka.tcp://{SystemName}@{host}:{port}");

    /// <summary>The seeds of a comma-separated list, checked one by one.</summary>
    /// <exception cref="CliException">The list is empty or an entry is not a node address.</exception>
    public static IReadOnlyList<string> ParseSeeds(string text)
    {
        var seeds = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (seeds.Length == 0)
        {
            throw new CliException($"--seeds takes one or more addresses like {Of("127.0.0.1", 4053)}, separated by commas.");
        }

        foreach (var seed in seeds)
        {
            var match = Address().Match(seed);
            if (!match.Success || !int.TryParse(match.Groups["port"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                || port is < 1 or > 65535)
            {
                throw new CliException($"--seeds: '{seed}' is not a node address like {Of("127.0.0.1", 4053)} (a port from 1 to 65535).");
            }
        }

        return seeds;
    }

    [GeneratedRegex(@"^akka\.tcp://actorgateway@(?<host>[^:/@\s]+):(?<port>\d{1,5})$")]
    private static partial Regex Address();
}
