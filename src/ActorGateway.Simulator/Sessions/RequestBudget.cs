using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using Google.Protobuf;

namespace ActorGateway.Simulator.Sessions;

/// <summary>
/// One connection's request limits: a fixed one-second window per class (ordinary, historical), and in
/// <see cref="RateLimitStyle.BlockPayloadType"/> style the payload types currently blocked. Owned by the connection's loop.
/// </summary>
internal sealed class RequestBudget
{
    private readonly RateLimitOptions _options;
    private readonly IReadOnlySet<uint> _historical;
    private readonly Dictionary<uint, DateTimeOffset> _blockedUntil = [];
    private Window _standard;
    private Window _history;

    public RequestBudget(RateLimitOptions options, IReadOnlySet<uint> historical)
    {
        _options = options;
        _historical = historical;
    }

    /// <summary>Counts a request; returns the error to answer with when it is over budget, null when it may proceed.</summary>
    public IMessage? TryConsume(MessageInfo request, DateTimeOffset now)
    {
        if (!_options.Enabled || request.Kind != MessageKind.Request)
        {
            return null;
        }

        if (_blockedUntil.TryGetValue(request.PayloadType, out var until))
        {
            if (now < until)
            {
                return Blocked(request, until - now);
            }

            _blockedUntil.Remove(request.PayloadType);
        }

        var historical = _historical.Contains(request.PayloadType);
        ref var window = ref historical ? ref _history : ref _standard;
        var limit = historical ? _options.HistoricalRequestsPerSecond : _options.RequestsPerSecond;
        if (now - window.Start >= TimeSpan.FromSeconds(1))
        {
            window = new Window(now, 0);
        }

        if (window.Count < limit)
        {
            window.Count++;
            return null;
        }

        if (_options.Style == RateLimitStyle.BlockPayloadType)
        {
            _blockedUntil[request.PayloadType] = now + _options.BlockDuration;
            return Blocked(request, _options.BlockDuration);
        }

        var kind = historical ? "historical" : "ordinary";
        return ErrorReplies.OA(ProtoOAErrorCode.RequestFrequencyExceeded,
            $"You have reached the rate limit of {limit} {kind} requests per second");
    }

    private static ProtoOAErrorRes Blocked(MessageInfo request, TimeSpan remaining)
    {
        var error = ErrorReplies.OA(ErrorReplies.NameOf(ProtoErrorCode.BlockedPayloadType),
            $"{request.Name} is blocked because the rate limit was reached");
        error.RetryAfter = (ulong)Math.Ceiling(remaining.TotalSeconds);
        return error;
    }

    private struct Window(DateTimeOffset start, int count)
    {
        public DateTimeOffset Start = start;
        public int Count = count;
    }
}
