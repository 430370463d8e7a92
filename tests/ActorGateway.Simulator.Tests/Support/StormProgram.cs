using System.Globalization;
using ActorGateway.TestKit;

namespace ActorGateway.Simulator.Tests.Support;

/// <summary>
/// The test assembly's own entry point, for one job: a storm of bad clients from a process of its own, so that the storm
/// tests measure the server rather than a server sharing its thread pool with its attackers. The test host never calls it;
/// <see cref="StormProcess"/> runs <c>dotnet exec ActorGateway.Simulator.Tests.dll storm ADDRESS PORT CERT-HASH COUNT
/// CONCURRENCY</c>.
/// </summary>
internal static class StormProgram
{
    public const string StartedLine = "storm-started";
    public const string FailurePrefix = "storm-failure ";

    /// <summary>How long a storm may run before it stops starting clients: the storm test's own bound.</summary>
    public static TimeSpan Deadline => TestTimeouts.Dilated(TimeSpan.FromSeconds(60));

    public static async Task<int> Main(string[] args)
    {
        if (args is not ["storm", _, _, _, var countText, var concurrencyText])
        {
            await Console.Error.WriteLineAsync("usage: storm ADDRESS PORT CERT-HASH|- COUNT CONCURRENCY");
            return 2;
        }

        var target = StormTarget.Parse(args[1..4]);
        var count = int.Parse(countText, CultureInfo.InvariantCulture);
        var concurrency = int.Parse(concurrencyText, CultureInfo.InvariantCulture);
        Console.WriteLine(StartedLine);
        var report = await StormGenerator.RunAsync(target, count, concurrency, Deadline);
        foreach (var failure in report.FailureSamples)
        {
            Console.WriteLine(FailurePrefix + failure.ReplaceLineEndings(" "));
        }

        Console.WriteLine(report.ToLine());
        return report.Failed == 0 ? 0 : 1;
    }
}
