using System.Globalization;
using ActorGateway.Correlation;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using BenchmarkDotNet.Attributes;

namespace ActorGateway.Benchmarks;

/// <summary>
/// Registering a batch of requests by clientMsgId and completing each from its reply, as the connection actor does (the
/// completions of one turn gathered and delivered together by one pool item), against the least any client must do: a
/// plain task source per request in a dictionary.
/// </summary>
[MemoryDiagnoser]
public class TrackerBenchmarks
{
    private const int Batch = 1_000;

    private readonly ProtoOAVersionReq _request = new();
    private readonly MessageInfo _info = PayloadRegistry.Of<ProtoOAVersionReq>();
    private readonly Dictionary<long, TaskCompletionSource<ProtoOAVersionRes>> _plain = new(Batch);
    private readonly Dictionary<long, IPendingRequest> _tracked = new(Batch);
    private OpenApiMessage[] _replies = [];

    [GlobalSetup]
    public void Setup()
    {
        var reply = new ProtoOAVersionRes { Version = "sim-91" };
        _replies = [.. Enumerable.Range(1, Batch).Select(i => new OpenApiMessage(
            (uint)ProtoOAPayloadType.ProtoOaVersionRes, reply, i.ToString(CultureInfo.InvariantCulture)))];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public int Plain_task_sources()
    {
        for (long id = 1; id <= Batch; id++)
        {
            _plain[id] = new TaskCompletionSource<ProtoOAVersionRes>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        var completed = 0;
        foreach (var reply in _replies)
        {
            if (long.TryParse(reply.ClientMsgId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && _plain.Remove(id, out var source) && source.TrySetResult((ProtoOAVersionRes)reply.Payload))
            {
                completed++;
            }
        }

        return completed;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int Pending_requests()
    {
        for (long id = 1; id <= Batch; id++)
        {
            var pending = new PendingRequest<ProtoOAVersionRes>(_request, _info, id, Timeout.InfiniteTimeSpan, long.MaxValue);
            pending.OnWritten(0);
            _tracked[id] = pending;
        }

        var completed = 0;
        CompletionBatch.Gather();
        foreach (var reply in _replies)
        {
            if (long.TryParse(reply.ClientMsgId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && _tracked.Remove(id, out var pending) && pending.IsAnsweredBy(reply.PayloadType) && pending.TryComplete(reply))
            {
                completed++;
            }
        }

        CompletionBatch.Dispatch();
        return completed;
    }
}
