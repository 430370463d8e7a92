using ActorGateway.Actors;
using ActorGateway.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using Microsoft.Extensions.Logging;

namespace ActorGateway;

/// <summary>
/// The gateway for Task-based code: a thin facade over the gateway actor. A request travels to the connection actor as
/// a message that carries its own completion, so awaiting it costs no temporary actor; events are raised by an actor of
/// their own. Actors use <see cref="Gateway"/> directly.
/// </summary>
/// <remarks>A session's client adds the session actor and the book it keeps.</remarks>
public sealed partial class GatewayClient : IGatewayClient
{
    private readonly GatewaySettings _settings;
    private readonly TimeProvider _time;
    private readonly GatewayWiring _wiring;
    private readonly EventDispatcher _events;
    private readonly ActorSystem _system;
    private readonly bool _ownsSystem;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Task<GatewayRefs> _started;
    private IActorRef _connection = ActorRefs.Nobody;

    /// <summary>
    /// Creates a gateway in an actor system of its own, disposed with the client; it connects on the first request or
    /// on <see cref="ConnectAsync"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The options are not valid; the message names the setting.</exception>
    public GatewayClient(GatewayOptions options)
        : this(null, GatewaySettings.From(options), null, [])
    {
    }

    /// <summary>
    /// Creates a gateway in <paramref name="system"/>, as the actor <c>gateway-{Name}</c> under <c>/user</c> (so one
    /// gateway per name and system). Disposing the client stops the gateway, not the system.
    /// </summary>
    /// <exception cref="ArgumentException">The options are not valid; the message names the setting.</exception>
    public GatewayClient(ActorSystem system, GatewayOptions options)
        : this(system ?? throw new ArgumentNullException(nameof(system)), GatewaySettings.From(options), null, [])
    {
    }

    /// <summary>A client with a session actor made by <paramref name="session"/> (given the connection and publisher actors).</summary>
    /// <param name="system">The actor system to live in; null for one of its own.</param>
    /// <param name="settings">The validated settings.</param>
    /// <param name="session">The session's part, or null for a bare gateway.</param>
    /// <param name="sinks">Further receivers of everything inbound, called on the connection actor's turn.</param>
    /// <param name="wait">True to return only once the gateway actor has started (blocking the calling thread for that long);
    /// false to return at once, the caller then awaiting <see cref="StartedAsync"/> before using the client.</param>
    /// <param name="parent">Where the gateway actor is created: an actor's context, on that actor's own turn, to make it a
    /// child the actor supervises; null for <c>/user</c> of <paramref name="system"/>.</param>
    internal GatewayClient(ActorSystem? system, GatewaySettings settings, SessionHookup? session, IReadOnlyList<IInboundSink> sinks,
        bool wait = true, IActorRefFactory? parent = null)
    {
        var metrics = new GatewayMetrics(settings.Name);
        _settings = settings;
        _time = settings.TimeProvider;
        _events = new EventDispatcher(settings.EventQueueCapacity, Raise, () => MessageReceived is not null,
            settings.LoggerFactory.CreateLogger<GatewayClient>(), metrics.EventsDropped);
        _wiring = new GatewayWiring(settings, [_events, .. sinks], metrics)
        {
            EverSubscribed = session?.EverSubscribed,
            SessionProps = session?.Props,
        };
        _ownsSystem = system is null;
        _system = system ?? ActorSystem.Create("actorgateway", OwnSystemConfig);
        var ready = new TaskCompletionSource<GatewayRefs>(TaskCreationOptions.RunContinuationsAsynchronously);
        Gateway = (parent ?? _system).ActorOf(GatewayActor.Props(_wiring, _events, ready), $"gateway-{settings.Name}");
        // Requests go straight to the connection actor, in the order they were made; its ref is known as soon as the
        // gateway actor has started, a matter of microseconds when a thread is free to start it.
        _started = ready.Task;
        if (wait)
        {
            Attach(_started.WaitAsync(StartTimeout).GetAwaiter().GetResult());
        }
    }

    /// <summary>
    /// The gateway actor. Tell it a protobuf request (or a <see cref="GatewayRequest"/>) and the reply comes back to the
    /// sender as the response message, or as <c>Status.Failure</c> with a <see cref="GatewayException"/>; so
    /// <c>await Gateway.Ask&lt;ProtoOAVersionRes&gt;(new ProtoOAVersionReq())</c> returns the typed reply or throws.
    /// Trading requests also report <see cref="Trading.OrderUpdate"/>s and an <see cref="Trading.OrderOutcome"/>.
    /// </summary>
    public IActorRef Gateway { get; }

    /// <summary>
    /// The publisher: Tell it (or the gateway actor) <see cref="Publishing.SubscribeEvents"/> to receive what the server
    /// sends unasked as <see cref="Publishing.EventBatch"/>es, each answered with <see cref="Publishing.EventsAck"/>.
    /// </summary>
    public IActorRef Publisher { get; private set; } = ActorRefs.Nobody;

    /// <summary>The session actor, when the gateway belongs to a session; nobody otherwise.</summary>
    internal IActorRef Session { get; private set; } = ActorRefs.Nobody;

    /// <summary>The clock and the settings the gateway runs with, for the session's facade.</summary>
    internal GatewaySettings Settings => _settings;

    /// <inheritdoc />
    public event EventHandler<GatewayConnectedEventArgs>? Connected;

    /// <inheritdoc />
    public event EventHandler<GatewayDisconnectedEventArgs>? Disconnected;

    /// <inheritdoc />
    public event EventHandler<GatewayConnectFailedEventArgs>? ConnectFailed;

    /// <inheritdoc />
    public event EventHandler<GatewayMessageEventArgs>? MessageReceived;

    /// <inheritdoc />
    public ConnectionState State => _wiring.State.Value;

    // The gateway's own system stays quiet: its users log through the gateway's logger factory.
    private static Config OwnSystemConfig => ConfigurationFactory.ParseString(
        "akka.loglevel = WARNING\nakka.stdout-loglevel = WARNING\nakka.log-dead-letters = off\nakka.log-dead-letters-during-shutdown = off");

    /// <summary>
    /// Completes once the gateway actor has started and the client knows its actors: for a client made without waiting,
    /// from code that must not block a thread-pool thread on it (an actor starting many gateways at once would starve the
    /// pool that has to start them).
    /// </summary>
    internal async Task StartedAsync() => Attach(await _started.WaitAsync(StartTimeout).ConfigureAwait(false));

    private void Attach(GatewayRefs refs)
    {
        _connection = refs.Connection;
        Publisher = refs.Publisher;
        Session = refs.Session;
    }

    private void Post(object message) => _connection.Tell(message);

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

/// <summary>What a session adds to its gateway: the props of its actor, and whether it ever subscribed to a symbol.</summary>
internal sealed record SessionHookup(Func<GatewayWiring, IActorRef, IActorRef, Props> Props, Func<long, long, bool> EverSubscribed);
