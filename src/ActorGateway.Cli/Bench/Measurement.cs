namespace ActorGateway.Cli.Bench;

/// <summary>
/// One figure of a scenario: the median over its rounds and the lowest and highest round, with the target when
/// it has one.
/// </summary>
internal sealed record Measurement(string Name, string Unit, double Value, double Low, double High)
{
    /// <summary>The target as the issue states it, e.g. "≥ 0.7".</summary>
    public string? Target { get; init; }

    /// <summary>Whether <see cref="Value"/> meets <see cref="Target"/>; null when there is no target.</summary>
    public bool? Met { get; init; }

    public static Measurement Of(string name, string unit, IReadOnlyList<double> rounds) =>
        new(name, unit, Statistics.Median(rounds), rounds.Min(), rounds.Max());

    public static Measurement Single(string name, string unit, double value) => new(name, unit, value, value, value);

    public Measurement AtLeast(double target) => this with { Target = $">= {target:G}", Met = Value >= target };

    public Measurement AtMost(double target) => this with { Target = $"<= {target:G}", Met = Value <= target };
}
