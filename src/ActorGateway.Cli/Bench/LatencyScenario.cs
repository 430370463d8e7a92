using System.Diagnostics;
using ActorGateway.Protocol.Messages;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// One VersionReq at a time on one server: round-trip percentiles of the gateway, called by an actor and by Task-based
/// code (or either), and of two raw clients, the async one and a blocking one on a dedicated thread, taken against
/// whichever of the two is faster in this run.
/// </summary>
internal static class LatencyScenario
{
    public const string Name = "latency";

    public static async Task<ScenarioResult> RunAsync(BenchSettings settings, BenchTransport transport, CancellationToken cancellationToken)
    {
        var session = await BenchSession.StartAsync(transport, cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var blocking = await BlockingRawRunner.StartAsync(session.Server, cancellationToken).ConfigureAwait(false);
            await using (blocking.ConfigureAwait(false))
            {
                Side[] callers = [.. settings.Callers.Select(caller => caller == BenchCaller.Actor
                    ? ActorCaller(session, cancellationToken)
                    : TaskCaller(session.Gateway, cancellationToken))];
                Side[] rawClients =
                [
                    new(new RoundTripTimes("raw async"), (duration, times) =>
                        times.SampleAsync(duration, () => session.Raw.RoundTripAsync(cancellationToken))),
                    new(new RoundTripTimes("raw blocking"), (duration, times) =>
                        blocking.SampleAsync(duration, times, cancellationToken)),
                ];
                await SideBySide.RunAsync(settings, [.. callers.Concat(rawClients).Select(side => side.Round)]).ConfigureAwait(false);

                var (figures, baseline) = LatencyFigures.Describe([.. callers.Select(side => side.Times)],
                    [.. rawClients.Select(side => side.Times)]);
                return new ScenarioResult(Name, transport.ToString(), figures)
                {
                    Baseline = baseline,
                    Callers = [.. settings.Callers.Select(caller => caller.Word())],
                };
            }
        }
    }

    /// <summary>The gateway as an actor calls it: a Tell per request, the reply a message, from the gateway's system.</summary>
    private static Side ActorCaller(BenchSession session, CancellationToken cancellationToken)
    {
        var actor = session.System.ActorOf(LatencyActor.Props(session.Gateway.Gateway), "latency-caller");
        return new Side(new RoundTripTimes(BenchCaller.Actor.Side()), (duration, times) =>
            LatencyActor.SampleAsync(actor, duration, times, cancellationToken));
    }

    /// <summary>The gateway as Task-based code calls it: an awaited <c>AskAsync</c> per request.</summary>
    private static Side TaskCaller(GatewayClient gateway, CancellationToken cancellationToken)
    {
        var request = new ProtoOAVersionReq();
        return new Side(new RoundTripTimes(BenchCaller.Task.Side()), (duration, times) => times.SampleAsync(duration, async () =>
        {
            var start = Stopwatch.GetTimestamp();
            await gateway.AskAsync<ProtoOAVersionRes>(request, cancellationToken: cancellationToken).ConfigureAwait(false);
            return Stopwatch.GetTimestamp() - start;
        }));
    }

    /// <summary>One client of the run: its times, and how it runs a round of the given length into them.</summary>
    private sealed record Side(RoundTripTimes Times, Func<TimeSpan, RoundTripTimes, Task<double>> Sample)
    {
        public Func<TimeSpan, Task<double>> Round => duration => Sample(duration, Times);
    }
}
