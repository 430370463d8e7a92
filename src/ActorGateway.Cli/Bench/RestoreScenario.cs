using System.Diagnostics;
using ActorGateway.Publishing;
using ActorGateway.Session;
using Google.Protobuf;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// Time from the simulator's listener coming back to a <see cref="GatewaySession"/> being whole again, as the session
/// itself says it: the <see cref="SessionRestored"/> notice on a subscription stream, published after application
/// auth, the account's auth, its spot subscription and its reconcile.
/// </summary>
internal static class RestoreScenario
{
    public const string Name = "restore";

    private static readonly long[] SubscribedSymbols = [1, 2, 3];

    public static async Task<ScenarioResult> RunAsync(BenchSettings settings, BenchTransport transport, CancellationToken cancellationToken)
    {
        var server = await BenchServer.StartAsync(transport, cancellationToken).ConfigureAwait(false);
        var milliseconds = new List<double>();
        await using (server.ConfigureAwait(false))
        {
            var session = new GatewaySession(new SessionOptions
            {
                Gateway = server.ClientOptions(),
                ClientId = BenchServer.ClientId,
                ClientSecret = BenchServer.ClientSecret,
                AccessToken = BenchServer.AccessToken,
            });
            await using (session.ConfigureAwait(false))
            {
                // A small market-data stream: notices are never dropped, and the few spots of an outage's edges are.
                var stream = session.Subscribe<IMessage>(new SubscriptionOptions
                {
                    AccountId = BenchServer.AccountId, Capacity = 16, Overflow = OverflowPolicy.DropOldest,
                });
                await using (((IAsyncDisposable)stream).ConfigureAwait(false))
                {
                    var items = stream.GetAsyncEnumerator(cancellationToken);
                    await session.SubscribeSpotsAsync(BenchServer.AccountId, SubscribedSymbols, cancellationToken).ConfigureAwait(false);
                    for (var round = 0; round <= settings.Rounds; round++)
                    {
                        var elapsed = await OutageAsync(server, items, cancellationToken).ConfigureAwait(false);
                        if (round > 0)
                        {
                            milliseconds.Add(elapsed * 1e3); // round 0 warms up the reconnect and restore paths
                        }
                    }
                }
            }
        }

        return new ScenarioResult(Name, transport.ToString(),
            [Measurement.Of("listener back to session restored", "ms", milliseconds).AtMost(250)]);
    }

    private static async Task<double> OutageAsync(BenchServer server, IAsyncEnumerator<StreamItem<IMessage>> stream,
        CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(30)); // a restore that never comes fails the run instead of hanging it

        // Stopping the listener drops every connection too; dropping them again covers a connection still being
        // accepted. The session must have noticed (its ConnectionLost notice) before the clock starts.
        await server.Simulator.Faults.StopListenerAsync().ConfigureAwait(false);
        server.Simulator.Faults.DropAllConnections();
        await WaitForAsync<ConnectionLost>(stream, bound.Token).ConfigureAwait(false);

        var start = Stopwatch.GetTimestamp();
        await server.Simulator.Faults.StartListenerAsync().ConfigureAwait(false);
        await WaitForAsync<SessionRestored>(stream, bound.Token).ConfigureAwait(false);
        return Statistics.Seconds(start, Stopwatch.GetTimestamp());
    }

    private static async Task WaitForAsync<TNotice>(IAsyncEnumerator<StreamItem<IMessage>> stream,
        CancellationToken cancellationToken)
        where TNotice : GatewayNotice
    {
        // The enumerator was made with the run's token; this wait has a bound of its own.
        while (await stream.MoveNextAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            if (stream.Current.Notice is TNotice)
            {
                return;
            }
        }

        throw new InvalidOperationException("The session's stream ended before the notice came.");
    }
}
