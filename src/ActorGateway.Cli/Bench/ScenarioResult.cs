namespace ActorGateway.Cli.Bench;

/// <summary>The figures of one scenario over one transport (or one variant, such as a limit or a subscriber count).</summary>
internal sealed record ScenarioResult(string Scenario, string Variant, IReadOnlyList<Measurement> Measurements)
{
    /// <summary>The raw client the ratios are taken to, when the scenario measured more than one and chose.</summary>
    public string? Baseline { get; init; }

    /// <summary>How the gateway was called ("actor", "task"), when the scenario measured its callers apart.</summary>
    public IReadOnlyList<string>? Callers { get; init; }

    public Measurement this[string name] => Measurements.First(m => m.Name == name);
}
