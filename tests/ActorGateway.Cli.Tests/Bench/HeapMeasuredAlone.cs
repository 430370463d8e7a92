namespace ActorGateway.Cli.Tests.Bench;

/// <summary>Tests whose figures are the process's heap run alone (see <see cref="InFlightSmokeTests"/>).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapMeasuredAlone
{
    public const string Name = "heap measured alone";
}
