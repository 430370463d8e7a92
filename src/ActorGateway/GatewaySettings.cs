using ActorGateway.Resilience;
using ActorGateway.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorGateway;

/// <summary>The validated, immutable copy of <see cref="GatewayOptions"/> a client runs with.</summary>
internal sealed record GatewaySettings
{
    /// <summary>How often deadlines, heartbeats and server silence are checked: the resolution of every timeout.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    public required string Name { get; init; }

    public required IReadOnlyList<GatewayEndpoint> Endpoints { get; init; }

    public required TimeSpan RequestTimeout { get; init; }

    public required TimeSpan ConnectTimeout { get; init; }

    public required TimeSpan HeartbeatInterval { get; init; }

    public required TimeSpan ServerSilenceTimeout { get; init; }

    public required int MaxFrameSize { get; init; }

    public required QueuedRequestPolicy QueuedRequests { get; init; }

    public required int EventQueueCapacity { get; init; }

    public required bool ReconnectEnabled { get; init; }

    public required TimeSpan HealthyAfter { get; init; }

    public required IRetryPolicy RetryPolicy { get; init; }

    public required ThrottleOptions Throttle { get; init; }

    public required TimeProvider TimeProvider { get; init; }

    public required ILoggerFactory LoggerFactory { get; init; }

    public required ITransportFactory TransportFactory { get; init; }

    /// <summary>Validates <paramref name="options"/> and copies them.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public static GatewaySettings From(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var reconnect = options.Reconnect;
        return new GatewaySettings
        {
            Name = options.Name,
            Endpoints = (options.Hosts is { Count: > 0 } hosts ? hosts : [OpenApiEndpoints.DemoHost])
                .Select(h => GatewayEndpoint.Parse(h, options.Port)).ToArray(),
            RequestTimeout = options.RequestTimeout,
            ConnectTimeout = options.ConnectTimeout,
            HeartbeatInterval = options.HeartbeatInterval,
            ServerSilenceTimeout = options.ServerSilenceTimeout,
            MaxFrameSize = options.MaxFrameSize,
            QueuedRequests = options.QueuedRequests,
            EventQueueCapacity = options.EventQueueCapacity,
            ReconnectEnabled = reconnect.Enabled,
            HealthyAfter = reconnect.HealthyAfter,
            RetryPolicy = options.RetryPolicy
                ?? new ExponentialBackoffRetryPolicy(reconnect.InitialDelay, reconnect.MaxDelay, reconnect.MaxAttempts),
            Throttle = new ThrottleOptions
            {
                Enabled = options.Throttle.Enabled,
                StandardPerSecond = options.Throttle.StandardPerSecond,
                HistoricalPerSecond = options.Throttle.HistoricalPerSecond,
            },
            TimeProvider = options.TimeProvider,
            LoggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance,
            TransportFactory = options.TransportFactory ?? new SocketTransportFactory(TlsSettings.From(options.Tls)),
        };
    }
}
