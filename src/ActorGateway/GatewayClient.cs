using ActorGateway.Actors;
using ActorGateway.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ActorGateway;

/// <summary>
/// The gateway client: a thin facade over the connection actor. Requests become messages in the actor's mailbox;
/// events come from a dispatch task of their own.
/// </summary>
public sealed partial class GatewayClient : IGatewayClient
{
    private readonly GatewaySettings _settings;
    private readonly TimeProvider _time;
    private readonly EventDispatcher _events;
    private readonly ConnectionActor _actor;
    private readonly GatewayMetrics _metrics;

    /// <summary>Creates a client; it connects on the first request or on <see cref="ConnectAsync"/>.</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message names the setting.</exception>
    public GatewayClient(GatewayOptions options)
        : this(GatewaySettings.From(options), [], null)
    {
    }

    /// <summary>A client whose inbound traffic also reaches <paramref name="sinks"/> (the session's publisher and its own loop).</summary>
    /// <param name="settings">The validated settings.</param>
    /// <param name="sinks">Further receivers of everything inbound.</param>
    /// <param name="metrics">The instruments (default: new ones); the client disposes them.</param>
    internal GatewayClient(GatewaySettings settings, IReadOnlyList<IInboundSink> sinks, GatewayMetrics? metrics)
    {
        _metrics = metrics ?? new GatewayMetrics(settings.Name);
        _settings = settings;
        _time = _settings.TimeProvider;
        // Ids start at a random point so they are unlikely to match those of another client on the same account.
        _lastId = Random.Shared.NextInt64(1, 1L << 40);
        _events = new EventDispatcher(_settings.EventQueueCapacity, Raise, () => MessageReceived is not null,
            _settings.LoggerFactory.CreateLogger<GatewayClient>(), _metrics.EventsDropped);
        _actor = new ConnectionActor(_settings, sinks.Count == 0 ? _events : new InboundFanout([_events, .. sinks]), _metrics);
    }

    /// <inheritdoc />
    public event EventHandler<GatewayConnectedEventArgs>? Connected;

    /// <inheritdoc />
    public event EventHandler<GatewayDisconnectedEventArgs>? Disconnected;

    /// <inheritdoc />
    public event EventHandler<GatewayConnectFailedEventArgs>? ConnectFailed;

    /// <inheritdoc />
    public event EventHandler<GatewayMessageEventArgs>? MessageReceived;

    /// <inheritdoc />
    public ConnectionState State => _actor.State;

    /// <summary>Lets queued requests out on connection <paramref name="epoch"/> once the session has restored it.</summary>
    internal void OpenGate(int epoch) => _actor.Post(new ConnectionActor.OpenGate(epoch));

    private void Raise(EventArgs e)
    {
        switch (e)
        {
            case GatewayMessageEventArgs message:
                MessageReceived?.Invoke(this, message);
                break;
            case GatewayConnectedEventArgs connected:
                Connected?.Invoke(this, connected);
                break;
            case GatewayDisconnectedEventArgs disconnected:
                Disconnected?.Invoke(this, disconnected);
                break;
            case GatewayConnectFailedEventArgs failed:
                ConnectFailed?.Invoke(this, failed);
                break;
        }
    }
}
