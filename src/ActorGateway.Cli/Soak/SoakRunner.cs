using System.Diagnostics;

namespace ActorGateway.Cli.Soak;

/// <summary>Everything one run measured, for the report.</summary>
internal sealed record SoakResult(
    SoakSettings Settings,
    DriveResult Drive,
    long Completed,
    long Hung,
    long CompletedTwice,
    long Untyped,
    IReadOnlyList<KeyValuePair<string, long>> Outcomes,
    IReadOnlyDictionary<SoakRequestKind, long> ByKind,
    long ConnectionsLost,
    int SessionReconnects,
    long RelayConnections,
    bool UnknownsSettled,
    long Reconciles,
    OrderFigures Orders);

/// <summary>
/// One soak: the simulator and the relay, the session under test through the relay, the sending phase with its cuts,
/// then the end: requests still open after the hang bound are hung, unknown orders are reconciled, and an auditor counts
/// what the server executed.
/// </summary>
internal static class SoakRunner
{
    // How long the unknown orders of the last outage may take to reconcile, each reconcile bounded by the request timeout.
    private static readonly TimeSpan ResolveBound = TimeSpan.FromSeconds(60);

    public static async Task<SoakResult> RunAsync(SoakSettings settings, Action<string> progress, CancellationToken cancellationToken)
    {
        // Labels of this run only, so a soak never mistakes another run's positions for its own.
        var run = Convert.ToHexStringLower(BitConverter.GetBytes(Stopwatch.GetTimestamp()))[..8];
        var exchange = await SoakExchange.StartAsync(cancellationToken).ConfigureAwait(false);
        await using (exchange.ConfigureAwait(false))
        {
            var session = exchange.OpenSession(settings.RequestTimeout);
            await using (session.ConfigureAwait(false))
            {
                var watch = RestoreWatch.Start(session);
                await using (watch.ConfigureAwait(false))
                {
                    await session.StartAsync(cancellationToken).ConfigureAwait(false);
                    foreach (var account in SoakExchange.Accounts)
                    {
                        await session.AuthorizeAccountAsync(account, cancellationToken).ConfigureAwait(false);
                    }

                    progress($"simulator on {exchange.Simulator.EndPoint}, relay on {exchange.Relay.EndPoint}; session up; run {run}");
                    var tally = new SoakTally(settings.Requests);
                    var orders = new OrderLedger();
                    var resolver = new UnknownResolver(session);
                    var drive = await new SoakDriver(settings, session, exchange.Relay, watch, tally, orders, resolver, run, progress)
                        .RunAsync(cancellationToken).ConfigureAwait(false);

                    await tally.Completed.WaitForAsync(drive.Issued, settings.HangBound).ConfigureAwait(false);
                    var completed = tally.Completed.Value;
                    progress($"sending done in {drive.Elapsed.TotalSeconds:0.0} s; {completed:N0}/{drive.Issued:N0} completed; reconciling unknown orders");
                    var settled = await resolver.FinishAsync(ResolveBound).ConfigureAwait(false);
                    var figures = await SoakAudit.RunAsync(exchange, orders, run, settings.RequestTimeout).ConfigureAwait(false);
                    return new SoakResult(settings, drive, completed, drive.Issued - completed, tally.CompletedTwice, tally.Untyped,
                        tally.Outcomes(), tally.ByKind(), watch.Lost, session.Reconnects, exchange.Relay.Accepted, settled,
                        resolver.Reconciles, figures);
                }
            }
        }
    }
}
