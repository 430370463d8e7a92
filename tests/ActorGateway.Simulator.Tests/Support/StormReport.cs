using System.Globalization;

namespace ActorGateway.Simulator.Tests.Support;

/// <summary>
/// What a storm's bad clients saw: answered as expected, refused (reset or closed before answering), or failed (a wrong
/// answer, or none in time), with the first few failures' texts. One line of text, so a storm run in another process can
/// hand it back on its standard output.
/// </summary>
internal sealed record StormReport(int Attempts, int Answered, int Refused, int Failed, TimeSpan Elapsed)
{
    private const string Prefix = "storm-report ";

    /// <summary>The first few failures, for the test's message; the rest are only counted.</summary>
    public IReadOnlyList<string> FailureSamples { get; init; } = [];

    public string ToLine() => Prefix + string.Create(CultureInfo.InvariantCulture,
        $"{Attempts} {Answered} {Refused} {Failed} {Elapsed.TotalMilliseconds:F0}");

    /// <summary>Reads a line written by <see cref="ToLine"/>; the failure samples travel on lines of their own.</summary>
    public static StormReport? TryParse(string line)
    {
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = line[Prefix.Length..].Split(' ').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return new StormReport(parts[0], parts[1], parts[2], parts[3], TimeSpan.FromMilliseconds(parts[4]));
    }
}
