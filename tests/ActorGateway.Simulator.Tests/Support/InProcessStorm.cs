namespace ActorGateway.Simulator.Tests.Support;

/// <summary>A storm run in the test process itself, sharing the server's thread pool: the comparison for <see cref="StormProcess"/>.</summary>
internal sealed class InProcessStorm(Task<StormReport> report) : IStorm
{
    public Task<StormReport> Report => report;

    public async ValueTask DisposeAsync()
    {
        // Bounded by the storm's deadline and each client's own timeouts; observed so a failure is not left unseen.
        await report.ConfigureAwait(false);
    }
}
