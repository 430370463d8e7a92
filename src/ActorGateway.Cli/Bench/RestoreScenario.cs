using System.Diagnostics;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// Time from the simulator's listener coming back to the session being whole again: application auth, account auth
/// and the spot subscription. Until the core has a session that restores itself, the scenario restores by hand with
/// requests queued while the client reconnects, which is what such a session would send.
/// </summary>
internal static class RestoreScenario
{
    public const string Name = "restore";

    private static readonly long[] SubscribedSymbols = [1, 2, 3];

    public static async Task<ScenarioResult> RunAsync(BenchSettings settings, BenchTransport transport, CancellationToken cancellationToken)
    {
        var session = await BenchSession.StartAsync(transport, cancellationToken).ConfigureAwait(false);
        var milliseconds = new List<double>();
        await using (session.ConfigureAwait(false))
        {
            await RestoreAccountAsync(session.Gateway, cancellationToken).ConfigureAwait(false);
            for (var round = 0; round <= settings.Rounds; round++)
            {
                var elapsed = await OutageAsync(session.Server, session.Gateway, cancellationToken).ConfigureAwait(false);
                if (round > 0)
                {
                    milliseconds.Add(elapsed * 1e3); // round 0 warms up the reconnect path
                }
            }
        }

        return new ScenarioResult(Name, transport.ToString(),
            [Measurement.Of("listener back to session restored", "ms", milliseconds).AtMost(250)]);
    }

    private static async Task<double> OutageAsync(BenchServer server, GatewayClient client, CancellationToken cancellationToken)
    {
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnDisconnected(object? sender, GatewayDisconnectedEventArgs e) => lost.TrySetResult();
        client.Disconnected += OnDisconnected;
        try
        {
            // Stopping the listener also drops every connection; the client must have noticed before the clock starts.
            await server.Simulator.Faults.StopListenerAsync().ConfigureAwait(false);
            await lost.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            client.Disconnected -= OnDisconnected;
        }

        var start = Stopwatch.GetTimestamp();
        await server.Simulator.Faults.StartListenerAsync().ConfigureAwait(false);
        await client.AuthorizeApplicationAsync(BenchServer.ClientId, BenchServer.ClientSecret, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        await RestoreAccountAsync(client, cancellationToken).ConfigureAwait(false);
        return Statistics.Seconds(start, Stopwatch.GetTimestamp());
    }

    private static async Task RestoreAccountAsync(GatewayClient client, CancellationToken cancellationToken)
    {
        await client.AuthorizeAccountAsync(BenchServer.AccountId, BenchServer.AccessToken, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        await client.SubscribeSpotsAsync(BenchServer.AccountId, SubscribedSymbols, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }
}
