namespace ActorGateway.Simulator.Tests.Support;

/// <summary>A storm under way, wherever it runs: its report once it has finished.</summary>
internal interface IStorm : IAsyncDisposable
{
    public Task<StormReport> Report { get; }
}
