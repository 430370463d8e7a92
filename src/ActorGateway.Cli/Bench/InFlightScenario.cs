using ActorGateway.Protocol.Messages;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// Memory the gateway keeps per request awaiting its reply, asked by Task-based code and by an actor (or either), with
/// the simulator told never to answer VersionReq.
/// The simulator runs in this process, so the raw client sends the same requests on its own and what the heap grows
/// by then (the server's share; the raw client keeps nothing) is taken off the gateway's figure.
/// </summary>
internal static class InFlightScenario
{
    public const string Name = "in-flight";

    // Long enough for a hundred thousand failures to reach the actor on a loaded machine, short enough to end a stuck run.
    private static readonly TimeSpan FailuresBound = TimeSpan.FromSeconds(30);

    public static async Task<ScenarioResult> RunAsync(BenchSettings settings, BenchTransport transport, CancellationToken cancellationToken)
    {
        var server = await BenchServer.StartAsync(transport, cancellationToken).ConfigureAwait(false);
        var count = settings.InFlight;
        var figures = new List<Measurement>();
        await using (server.ConfigureAwait(false))
        {
            server.Simulator.Faults.NeverAnswer((uint)ProtoOAPayloadType.ProtoOaVersionReq);
            var rawBytes = await RawAsync(server, count, cancellationToken).ConfigureAwait(false);
            figures.Add(Measurement.Single("heap growth raw (server's share)", "B/request", rawBytes / (double)count));
            foreach (var caller in settings.Callers)
            {
                figures.AddRange(caller == BenchCaller.Actor
                    ? Describe(caller, await ActorAsync(server, count, cancellationToken).ConfigureAwait(false), rawBytes, count)
                    : await TaskFiguresAsync(server, count, rawBytes, cancellationToken).ConfigureAwait(false));
            }
        }

        return new ScenarioResult(Name, $"{transport}, {count:N0} outstanding", figures)
        {
            Callers = [.. settings.Callers.Select(caller => caller.Word())],
        };
    }

    /// <summary>A caller's heap growth, and what it comes to per request once the server's share is taken off.</summary>
    private static Measurement[] Describe(BenchCaller caller, long bytes, long rawBytes, int count) =>
    [
        Measurement.Single($"heap growth {caller.Side()}", "B/request", bytes / (double)count),
        Measurement.Single($"{caller.Side()} per in-flight request", "B/request", (bytes - rawBytes) / (double)count).AtMost(300),
    ];

    private static async Task<Measurement[]> TaskFiguresAsync(BenchServer server, int count, long rawBytes,
        CancellationToken cancellationToken)
    {
        var bytes = await GatewayAsync(server, count, CancellationToken.None, cancellationToken).ConfigureAwait(false);
        // A token of its own: a source keeps the nodes of ended registrations for reuse, so a used one costs less.
        using var fresh = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var withTokenBytes = await GatewayAsync(server, count, fresh.Token, cancellationToken).ConfigureAwait(false);
        return
        [
            .. Describe(BenchCaller.Task, bytes, rawBytes, count),
            Measurement.Single("same, each with a cancellable token", "B/request", (withTokenBytes - rawBytes) / (double)count),
        ];
    }

    /// <summary>
    /// The heap growth with <paramref name="count"/> requests held by an actor caller, from a gateway in the same system;
    /// the system is made before the first measure, so only what the requests add is counted.
    /// </summary>
    private static async Task<long> ActorAsync(BenchServer server, int count, CancellationToken cancellationToken)
    {
        var system = BenchActorSystem.Create();
        try
        {
            var client = await server.ConnectGatewayInAsync(system, cancellationToken).ConfigureAwait(false);
            var caller = system.ActorOf(InFlightActor.Props(client.Gateway), "in-flight-caller");
            long grown;
            Task failed;
            try
            {
                var before = RetainedBytes();
                (var tracked, failed) = InFlightActor.Start(caller, count);
                await tracked.WaitAsync(cancellationToken).ConfigureAwait(false);
                grown = RetainedBytes() - before;
            }
            finally
            {
                await client.DisposeAsync().ConfigureAwait(false);
            }

            // Disposing fails every one of them, each failure a message to the caller.
            try
            {
                await failed.WaitAsync(FailuresBound, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new InvalidOperationException($"Not all of the {count} held requests came back failed when the client was disposed.");
            }

            return grown;
        }
        finally
        {
            await system.Terminate().ConfigureAwait(false);
        }
    }

    /// <summary>The heap growth with <paramref name="count"/> requests held, each given <paramref name="heldWith"/>.</summary>
    private static async Task<long> GatewayAsync(BenchServer server, int count, CancellationToken heldWith,
        CancellationToken cancellationToken)
    {
        var client = await server.ConnectGatewayAsync(null, cancellationToken).ConfigureAwait(false);
        var pending = new Task[count];
        var request = new ProtoOAVersionReq();
        long grown;
        try
        {
            var before = RetainedBytes();
            for (var i = 0; i < count; i++)
            {
                pending[i] = client.AskAsync<ProtoOAVersionRes>(request, Timeout.InfiniteTimeSpan, heldWith);
            }

            // Answered in order after every VersionReq before it was read, so by now all of them are written and tracked.
            await client.GetAccountsAsync(BenchServer.AccessToken, cancellationToken: cancellationToken).ConfigureAwait(false);
            grown = RetainedBytes() - before;
        }
        finally
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }

        // Disposing fails every one of them.
        var failed = 0;
        foreach (var task in pending)
        {
            failed += task.Exception is null ? 0 : 1; // reading Exception marks it observed
        }

        return failed == count
            ? grown
            : throw new InvalidOperationException($"Only {failed} of {count} held requests ended when the client was disposed.");
    }

    private static async Task<long> RawAsync(BenchServer server, int count, CancellationToken cancellationToken)
    {
        var client = await server.ConnectRawAsync(cancellationToken).ConfigureAwait(false);
        await using (client.ConfigureAwait(false))
        {
            var before = RetainedBytes();
            await client.SendAsync(new ProtoOAVersionReq(), count, cancellationToken).ConfigureAwait(false);
            var reply = await client.AskAsync(new ProtoOAGetAccountListByAccessTokenReq { AccessToken = BenchServer.AccessToken },
                cancellationToken).ConfigureAwait(false);
            return reply == (uint)ProtoOAPayloadType.ProtoOaGetAccountsByAccessTokenRes
                ? RetainedBytes() - before
                : throw new InvalidOperationException($"A held VersionReq was answered (payload type {reply}).");
        }
    }

    private static long RetainedBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
