using System.Diagnostics;
using ActorGateway.Protocol.Messages;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// The gateway's throttle at a given limit with a backlog larger than it lets through at once: the most requests sent in
/// any sliding second (the application auth included, as the server counts it), timed as they are handed to the socket,
/// and the rate the backlog drained at. Over TCP only: the throttle acts before the transport anyway.
/// </summary>
internal static class ThrottleScenario
{
    public const string Name = "throttle";

    public static async Task<ScenarioResult> RunAsync(int limit, TimeSpan duration, CancellationToken cancellationToken)
    {
        // The first second goes out as one burst, so the backlog spans at least one more before the rate can be judged.
        var seconds = Math.Max(1, (int)Math.Round(duration.TotalSeconds));
        var backlog = limit * (seconds + 1);
        var sends = await SendAndRecordAsync(limit, backlog, cancellationToken).ConfigureAwait(false);
        var busiest = BusiestSecond(sends);
        var drained = AverageOverWholeSeconds(sends);
        return new ScenarioResult(Name, $"limit {limit:N0}/s, backlog {backlog:N0}",
        [
            Measurement.Single("sent", "requests", sends.Length),
            Measurement.Single("first limit's worth sent within", "ms", Statistics.Seconds(sends[0], sends[limit - 1]) * 1e3),
            Measurement.Single("most in any 1 s window", "requests", busiest).AtMost(limit),
            Measurement.Single("achieved rate", "1/s", drained),
            Measurement.Single("achieved / limit", "x limit", drained / limit).AtLeast(0.99),
        ]);
    }

    private static async Task<long[]> SendAndRecordAsync(int limit, int backlog, CancellationToken cancellationToken)
    {
        var server = await BenchServer.StartAsync(BenchTransport.Tcp, cancellationToken).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            var recorder = new SendRecordingTransportFactory();
            var options = server.ClientOptions();
            options.TransportFactory = recorder;
            options.Throttle = new ThrottleOptions { Enabled = true, StandardPerSecond = limit };
            var client = await server.ConnectGatewayAsync(options, cancellationToken).ConfigureAwait(false);
            await using (client.ConfigureAwait(false))
            {
                var request = new ProtoOAVersionReq();
                var pending = new Task[backlog];
                for (var i = 0; i < backlog; i++)
                {
                    pending[i] = client.AskAsync<ProtoOAVersionRes>(request, Timeout.InfiniteTimeSpan, cancellationToken);
                }

                await Task.WhenAll(pending).ConfigureAwait(false);
            }

            return recorder.Sends();
        }
    }

    /// <summary>
    /// Sends per second over the whole seconds from the first send on. A throttle that keeps up sends its limit in
    /// each of them, however bursty it is within one.
    /// </summary>
    internal static double AverageOverWholeSeconds(IReadOnlyList<long> ascending)
    {
        var seconds = Math.Max(1, (int)Math.Floor(Statistics.Seconds(ascending[0], ascending[^1])));
        var end = ascending[0] + (seconds * Stopwatch.Frequency);
        return ascending.Count(t => t < end) / (double)seconds;
    }

    /// <summary>The most timestamps in any half-open window of one second.</summary>
    internal static int BusiestSecond(IReadOnlyList<long> ascending)
    {
        var most = 0;
        var first = 0;
        for (var last = 0; last < ascending.Count; last++)
        {
            while (ascending[last] - ascending[first] >= Stopwatch.Frequency)
            {
                first++;
            }

            most = Math.Max(most, last - first + 1);
        }

        return most;
    }
}
