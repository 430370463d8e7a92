using ActorGateway.Correlation;
using ActorGateway.Diagnostics;
using ActorGateway.Throttling;

namespace ActorGateway.Actors;

/// <summary>
/// What a gateway's actors share with each other and with the facade, created once per gateway. It outlives any actor
/// restart: the throttle keeps its history (a restart must not let a burst past the server's limits), request ids keep
/// counting, and the state stays readable from any thread.
/// </summary>
internal sealed class GatewayWiring
{
    public GatewayWiring(GatewaySettings settings, IReadOnlyList<IInboundSink> sinks, GatewayMetrics metrics)
    {
        Settings = settings;
        Sinks = [.. sinks, Publisher];
        Metrics = metrics;
        Throttle = settings.Throttle.Enabled ? RateLimiterThrottle.Create(settings.Throttle, settings.TimeProvider) : UnlimitedThrottle.Instance;
    }

    public GatewaySettings Settings { get; }

    /// <summary>Receivers of everything inbound, called on the connection actor's turn (they only hand things on).</summary>
    public IReadOnlyList<IInboundSink> Sinks { get; }

    public GatewayMetrics Metrics { get; }

    /// <summary>The connection actor's side of the publisher, attached by the gateway actor.</summary>
    public PublisherSink Publisher { get; } = new();

    /// <summary>Whether a session ever subscribed to market data of (account, symbol); null without a session.</summary>
    public Func<long, long, bool>? EverSubscribed { get; init; }

    /// <summary>The props of the session actor, given the connection and publisher actors; null for a bare gateway.</summary>
    public Func<GatewayWiring, Akka.Actor.IActorRef, Akka.Actor.IActorRef, Akka.Actor.Props>? SessionProps { get; init; }

    public IOutboundThrottle Throttle { get; }

    public RequestIds Ids { get; } = new();

    public StateCell State { get; } = new();

    private int _attempts;

    /// <summary>Numbers connection attempts across restarts, so an outcome from before a restart is never taken for a new one.</summary>
    public int NextAttempt() => Interlocked.Increment(ref _attempts);

    /// <summary>The connection state, written by the connection actor and read by anyone.</summary>
    internal sealed class StateCell
    {
        private int _state;

        public ConnectionState Value
        {
            get => (ConnectionState)Volatile.Read(ref _state);
            set => Volatile.Write(ref _state, (int)value);
        }
    }
}
