namespace ActorGateway.Cli.Bench;

/// <summary>
/// The blocking raw client on a dedicated thread, which connects it, runs its rounds and closes it, so its round trips
/// never wait for a pool thread.
/// </summary>
internal sealed class BlockingRawRunner : IAsyncDisposable
{
    private readonly DedicatedThread _thread;
    private readonly BlockingRawClient _client;

    private BlockingRawRunner(DedicatedThread thread, BlockingRawClient client)
    {
        _thread = thread;
        _client = client;
    }

    /// <summary>Connects to <paramref name="server"/> and authorizes the application, on the new thread.</summary>
    public static async Task<BlockingRawRunner> StartAsync(BenchServer server, CancellationToken cancellationToken)
    {
        var thread = new DedicatedThread("bench blocking raw client");
        try
        {
            var client = await thread.RunAsync(() =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                var connected = BlockingRawClient.Connect(server.Simulator.EndPoint, server.RawCertificate);
                try
                {
                    BenchServer.ThrowUnlessAuthorized(connected.Ask(BenchServer.ApplicationAuth()));
                    return connected;
                }
                catch
                {
                    connected.Dispose();
                    throw;
                }
            }).ConfigureAwait(false);
            return new BlockingRawRunner(thread, client);
        }
        catch
        {
            thread.Dispose();
            throw;
        }
    }

    /// <summary>One round of VersionReq round trips on the thread, into <paramref name="times"/>; returns how many.</summary>
    public Task<double> SampleAsync(TimeSpan duration, RoundTripTimes times, CancellationToken cancellationToken) =>
        _thread.RunAsync(() => times.Sample(duration, _client.RoundTrip, cancellationToken));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _thread.RunAsync(() =>
            {
                _client.Dispose();
                return true;
            }).ConfigureAwait(false);
        }
        finally
        {
            _thread.Dispose();
        }
    }
}
