namespace ActorGateway.Resilience;

/// <summary>
/// The connection actor's account of trouble: which endpoint is next, how many attempts failed since the last good
/// session, since when, and so what the retry policy is asked. A good session (one that served a request, or stayed
/// up <see cref="GatewaySettings.HealthyAfter"/>) starts the count over, however short it was.
/// </summary>
internal sealed class ReconnectBackoff(GatewaySettings settings)
{
    private readonly TimeProvider _time = settings.TimeProvider;
    private int _nextEndpoint;
    private long _troubleSince;
    private long _connectedAt;
    private int _replies;

    /// <summary>Consecutive failures since the last good session.</summary>
    public int Failures { get; private set; }

    /// <summary>True once any connection was made: the next one is a reconnect.</summary>
    public bool EverConnected { get; private set; }

    /// <summary>The endpoint to try next; the endpoints are tried in turn.</summary>
    public GatewayEndpoint NextEndpoint()
    {
        var endpoint = settings.Endpoints[_nextEndpoint];
        _nextEndpoint = (_nextEndpoint + 1) % settings.Endpoints.Count;
        return endpoint;
    }

    public void Connected()
    {
        _connectedAt = _time.GetTimestamp();
        _replies = 0;
        EverConnected = true;
    }

    public void ReplyReceived() => _replies++;

    public void ConnectionLost()
    {
        if (_replies > 0 || _time.GetElapsedTime(_connectedAt) >= settings.HealthyAfter || _troubleSince == 0)
        {
            Failures = 0;
            _troubleSince = _time.GetTimestamp();
        }
    }

    /// <summary>Counts a failure and asks the policy how long to wait; null means give up.</summary>
    public TimeSpan? NextDelay(GatewayConnectionException reason)
    {
        if (_troubleSince == 0)
        {
            _troubleSince = _time.GetTimestamp();
        }

        var delay = settings.ReconnectEnabled
            ? settings.RetryPolicy.NextRetryDelay(new RetryContext(Failures, _time.GetElapsedTime(_troubleSince), reason))
            : null;
        Failures++;
        return delay;
    }

    /// <summary>Given up: the next attempt starts a fresh account.</summary>
    public void Reset()
    {
        Failures = 0;
        _troubleSince = 0;
    }
}
