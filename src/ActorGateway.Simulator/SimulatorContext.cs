using System.Collections.Frozen;
using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Simulator;

/// <summary>What every part of one server shares: its options, clock, faults, exchange and logging.</summary>
internal sealed class SimulatorContext
{
    public SimulatorContext(SimulatorOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        Options = options;
        Time = time;
        LoggerFactory = loggerFactory;
        StartedAt = time.GetUtcNow();
        VersionRes = new ProtoOAVersionRes { Version = options.Version };
        HistoricalRequests = options.RateLimits.HistoricalRequests.Count == 0
            ? PayloadRegistry.All.Where(i => i.RateClass == RateClass.Historical).Select(i => i.PayloadType).ToFrozenSet()
            : PayloadRegistry.All.Where(i => options.RateLimits.HistoricalRequests.Contains(i.Name))
                .Select(i => i.PayloadType).ToFrozenSet();
        FrameBudget = new Inbound.FrameBudget(options.MaxBufferedFrameBytes);
        Faults = new SimulatorFaults(this);
        Exchange = new Exchange.ExchangeActor(this);
    }

    public SimulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public ILoggerFactory LoggerFactory { get; }

    public DateTimeOffset StartedAt { get; }

    public ProtoOAVersionRes VersionRes { get; }

    public IReadOnlySet<uint> HistoricalRequests { get; }

    public SimulatorFaults Faults { get; }

    public Exchange.ExchangeActor Exchange { get; }

    /// <summary>The bytes of incomplete inbound frames all connections may hold.</summary>
    public Inbound.FrameBudget FrameBudget { get; }

    /// <summary>Where the connections' inbound pipes rent their buffers, counted.</summary>
    public Inbound.CountingMemoryPool InboundPool { get; } = new();

    /// <summary>The connections currently open, for faults that reach all of them.</summary>
    public Sessions.ConnectionRegistry Connections { get; } = new();
}
