using Akka.Actor;

namespace ActorGateway;

/// <summary>
/// Told to the gateway actor: <paramref name="Subscriber"/> hears of every change of the connection's state, starting
/// with the state it is in now, until it stops or unsubscribes.
/// </summary>
public sealed record SubscribeConnectionState(IActorRef Subscriber);

/// <summary>Told to the gateway actor: <paramref name="Subscriber"/> hears of no further changes.</summary>
public sealed record UnsubscribeConnectionState(IActorRef Subscriber);

/// <summary>The connection's state changed.</summary>
/// <param name="State">The state it is in now.</param>
/// <param name="Endpoint">The endpoint connected to, or last tried.</param>
/// <param name="Reason">Why a connection was lost or an attempt failed; null otherwise.</param>
public sealed record ConnectionStateChanged(ConnectionState State, GatewayEndpoint? Endpoint, GatewayConnectionException? Reason)
{
    /// <summary>Numbers the connection (its attempt), so a request can be bound to the one it was meant for.</summary>
    internal int Connection { get; init; }
}
