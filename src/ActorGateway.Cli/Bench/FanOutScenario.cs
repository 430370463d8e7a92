using System.Diagnostics;
using System.IO.Pipelines;
using System.Net.Sockets;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using ActorGateway.Session;
using Google.Protobuf;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// Spot events decoded and handed to N subscribers per second: a <see cref="GatewaySession"/>'s publisher delivering to
/// subscriber actors, streams or callbacks (<see cref="FanOutSubscriber"/>) against a raw reader that decodes each frame
/// and calls the same N handlers in its read loop. Each round gets a fresh connection so the side not being measured is not
/// reading meanwhile. As fast as the gateway reads, subscribers that fall behind lose events by design (their queues
/// are bounded); at a set pace, the question is whether every subscriber keeps up with nothing lost.
/// </summary>
internal static class FanOutScenario
{
    public const string Name = "fan-out";

    // A tenth of a second of events at a million a second. The market-data default (10,000) is ten milliseconds at that
    // rate, a single scheduling hiccup on two shared cores; it is sized for real feeds of thousands of events a second.
    private const int SubscriberCapacity = 100_000;

    public static async Task<ScenarioResult> RunAsync(BenchSettings settings, int subscribers, int? eventsPerSecond,
        FanOutSubscriber kind, CancellationToken cancellationToken)
    {
        var server = new SpotFloodServer(eventsPerSecond);
        var drains = new List<double>();
        var dropped = new List<double>();
        double[] gateway, raw;
        await using (server.ConfigureAwait(false))
        {
            (gateway, raw) = await SideBySide.RunAsync(settings,
                duration => GatewayRoundAsync(server, subscribers, kind, duration, drains, dropped, cancellationToken),
                duration => RawRoundAsync(server, subscribers, duration, cancellationToken)).ConfigureAwait(false);
        }

        var figures = SideBySide.Describe("events/s", "1/s", gateway, raw).ToList();
        // The first drain is the warm-up round's.
        figures.Add(Measurement.Of("gateway catching up after the flood", "ms", drains[1..]));
        figures.Add(Measurement.Of("events the subscribers lost (queue full)", "1/s", dropped[1..]));
        // The target (a million a second to ten subscribers) is judged at a set pace: as fast as the gateway reads, the
        // reader outruns any ten subscribers on two cores and the figure measures how an overload is shed.
        if (eventsPerSecond is { } rate)
        {
            figures[0] = figures[0].AtLeast(0.99 * rate);
            figures[^1] = figures[^1].AtMost(0);
        }

        var pace = eventsPerSecond is { } offered ? $"{offered:N0}/s offered" : "as fast as read";
        return new ScenarioResult(Name,
            $"TCP, {subscribers} {kind.Word()} subscriber{(subscribers == 1 ? "" : "s")} of capacity {SubscriberCapacity:N0}, {pace}", figures);
    }

    private static async Task<double> GatewayRoundAsync(SpotFloodServer server, int subscribers, FanOutSubscriber kind,
        TimeSpan duration, List<double> drains, List<double> dropped, CancellationToken cancellationToken)
    {
        var counters = Enumerable.Range(0, subscribers).Select(_ => new FanOutCounter()).ToArray();
        var system = BenchActorSystem.Create();
        var session = new GatewaySession(system, new SessionOptions
        {
            Gateway = new GatewayOptions
            {
                Hosts = [$"127.0.0.1:{server.Port}"],
                Tls = new TlsOptions { Enabled = false },
                Throttle = new ThrottleOptions { Enabled = false },
                Reconnect = new ReconnectOptions { Enabled = false },
            },
            ClientId = BenchServer.ClientId,
            ClientSecret = BenchServer.ClientSecret,
            AccessToken = BenchServer.AccessToken,
        });
        var attached = new List<FanOutSubscribers.Attached>();
        double rate;
        try
        {
            var marketData = SubscriptionOptions.MarketData(BenchServer.AccountId);
            var options = new SubscriptionOptions
            {
                PayloadTypes = marketData.PayloadTypes,
                AccountId = marketData.AccountId,
                Overflow = marketData.Overflow,
                Capacity = SubscriberCapacity,
            };
            foreach (var counter in counters)
            {
                attached.Add(await kind.AttachAsync(session, system, options, counter).ConfigureAwait(false));
            }

            await session.SubscribeSpotsAsync(BenchServer.AccountId, SpotFloodServer.SymbolIds, cancellationToken).ConfigureAwait(false);
            rate = await CountAsync(counters[^1], duration, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            server.EndFlood();
        }

        // Disposing waits for the actor to work through every frame the reader queued ahead of the shutdown.
        var ended = Stopwatch.GetTimestamp();
        var lost = 0L;
        foreach (var subscriber in attached)
        {
            lost += subscriber.Dropped();
            await subscriber.Detach().ConfigureAwait(false);
        }

        await session.DisposeAsync().ConfigureAwait(false);
        await system.Terminate().ConfigureAwait(false);
        drains.Add(Statistics.Seconds(ended, Stopwatch.GetTimestamp()) * 1e3);
        dropped.Add(lost / duration.TotalSeconds);
        return rate;
    }

    private static async Task<double> RawRoundAsync(SpotFloodServer server, int subscribers, TimeSpan duration,
        CancellationToken cancellationToken)
    {
        var counters = Enumerable.Range(0, subscribers).Select(_ => new FanOutCounter()).ToArray();
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server.EndPoint, cancellationToken).ConfigureAwait(false);
        await socket.SendAsync(SpotFloodHandshake.Greeting, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = ReadAsync(new NetworkStream(socket), counters, stopReading.Token);
        var rate = await CountAsync(counters[^1], duration, cancellationToken).ConfigureAwait(false);
        await stopReading.CancelAsync().ConfigureAwait(false);
        await reading.ConfigureAwait(false);
        return rate;
    }

    private static async Task ReadAsync(Stream stream, FanOutCounter[] subscribers, CancellationToken cancellationToken)
    {
        var input = PipeReader.Create(stream);
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (FrameCodec.TryReadFrame(ref buffer, FrameCodec.DefaultMaxFrameSize, out var frame))
                {
                    var message = MessageDecoder.Decode(frame);
                    foreach (var subscriber in subscribers)
                    {
                        subscriber.On(message);
                    }
                }

                input.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (OperationCanceledException)
        {
            // The round is over.
        }
        finally
        {
            await input.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Events the last subscriber got per second over <paramref name="duration"/>, once the flow has started.</summary>
    private static async Task<double> CountAsync(FanOutCounter last, TimeSpan duration, CancellationToken cancellationToken)
    {
        await last.FirstEvent.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        var start = Stopwatch.GetTimestamp();
        var before = last.Count;
        // A measurement window, not a wait for something to happen; on a loaded machine a short window can fall in a
        // stall, so it is stretched until at least one more event came, and the rate is taken over what it really lasted.
        await Task.Delay(duration, cancellationToken).ConfigureAwait(false);
        await last.ReachedAsync(before + 1).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        return (last.Count - before) / Statistics.Seconds(start, Stopwatch.GetTimestamp());
    }
}
