namespace ActorGateway.Protocol.Registry;

/// <summary>The server's per-connection request budget a request is counted against.</summary>
public enum RateClass
{
    /// <summary>Not rate limited (responses, events, heartbeats).</summary>
    None,

    /// <summary>Ordinary requests: 50 per second per connection.</summary>
    Standard,

    /// <summary>Historical-data requests: 5 per second per connection.</summary>
    Historical,
}
