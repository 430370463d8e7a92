using System.Diagnostics;
using System.Diagnostics.Metrics;
using ActorGateway.Protocol.Messages;
using Google.Protobuf;

namespace ActorGateway.Diagnostics;

/// <summary>
/// The gateway's instruments, on a <see cref="Meter"/> named <c>ActorGateway</c> (one per client, disposed with it), each
/// measurement tagged <c>gateway</c> with the client's name. Recording is a few nanoseconds when nobody listens, so the
/// hot paths record unconditionally, but for request durations, which cost two clock reads a request.
/// </summary>
internal sealed class GatewayMetrics : IDisposable
{
    /// <summary>The meter's name, for <c>MeterListener</c>s and OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "ActorGateway";

    private readonly Meter _meter = new(MeterName);
    private readonly KeyValuePair<string, object?> _gateway;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _replies;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _timeouts;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _throttleWaits;
    private readonly Counter<long> _reconnects;
    private readonly Counter<long> _droppedEvents;

    public GatewayMetrics(string gatewayName)
    {
        _gateway = new("gateway", gatewayName);
        _requests = _meter.CreateCounter<long>("actorgateway.requests", "{request}", "Requests written to the connection.");
        _replies = _meter.CreateCounter<long>("actorgateway.replies", "{reply}", "Replies that ended a request.");
        _errors = _meter.CreateCounter<long>("actorgateway.errors", "{reply}", "Error replies, by error code.");
        _timeouts = _meter.CreateCounter<long>("actorgateway.timeouts", "{request}", "Requests that got no reply in time.");
        _latency = _meter.CreateHistogram<double>("actorgateway.request.duration", "ms", "From writing a request to its reply.");
        _throttleWaits = _meter.CreateCounter<long>("actorgateway.throttle.waits", "{wait}",
            "Times a request had to wait for the rate limit.");
        _reconnects = _meter.CreateCounter<long>("actorgateway.reconnects", "{connection}", "Connections made after losing one.");
        _droppedEvents = _meter.CreateCounter<long>("actorgateway.events.dropped", "{event}",
            "Events dropped because a subscriber's or the event handlers' queue was full.");
    }

    /// <summary>Whether anyone listens to request durations; when not, the hot path skips the clock reads they need.</summary>
    public bool MeasuresLatency => _latency.Enabled;

    public void RequestWritten() => _requests.Add(1, _gateway);

    /// <summary>Records the reply that ended a request written at <paramref name="writtenAt"/> (0: not timed).</summary>
    public void Replied(IMessage reply, long writtenAt, TimeProvider time)
    {
        if (writtenAt != 0)
        {
            ReplyReceived(time.GetElapsedTime(writtenAt));
        }
        else
        {
            ReplyReceived();
        }

        if (ErrorCodeOf(reply) is { } code)
        {
            ErrorReceived(code);
        }
    }

    private static string? ErrorCodeOf(IMessage reply) => reply switch
    {
        ProtoOAErrorRes e => e.ErrorCode,
        ProtoErrorRes e => e.ErrorCode,
        ProtoOAOrderErrorEvent e => e.ErrorCode,
        _ => null,
    };

    public void ReplyReceived() => _replies.Add(1, _gateway);

    public void ReplyReceived(TimeSpan latency)
    {
        ReplyReceived();
        _latency.Record(latency.TotalMilliseconds, _gateway);
    }

    public void ErrorReceived(string errorCode)
    {
        if (_errors.Enabled)
        {
            _errors.Add(1, new TagList { _gateway, { "error.code", errorCode } });
        }
    }

    public void TimedOut() => _timeouts.Add(1, _gateway);

    public void ThrottleWaited() => _throttleWaits.Add(1, _gateway);

    public void Reconnected() => _reconnects.Add(1, _gateway);

    public void EventsDropped(long count) => _droppedEvents.Add(count, _gateway);

    public void Dispose() => _meter.Dispose();
}
