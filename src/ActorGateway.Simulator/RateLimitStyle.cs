namespace ActorGateway.Simulator;

/// <summary>How the server answers a request over its budget.</summary>
public enum RateLimitStyle
{
    /// <summary>ProtoOAErrorRes REQUEST_FREQUENCY_EXCEEDED for each request over the limit (the long-standing server behaviour).</summary>
    FrequencyExceeded,

    /// <summary>
    /// ProtoOAErrorRes BLOCKED_PAYLOAD_TYPE with retryAfter, and the payload type stays blocked for
    /// <see cref="RateLimitOptions.BlockDuration"/> (the behaviour introduced with protocol release 90).
    /// </summary>
    BlockPayloadType,
}
