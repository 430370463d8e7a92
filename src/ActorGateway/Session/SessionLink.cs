using ActorGateway.Actors;
using ActorGateway.Correlation;
using Akka.Actor;
using Google.Protobuf;

namespace ActorGateway.Session;

/// <summary>
/// How the session's own requests reach the connection actor: each bound to the connection it is meant for, so one
/// that would land on a newer connection (not yet authenticated) fails unwritten instead. Thread-safe: the session's
/// work runs off the actor.
/// </summary>
internal sealed class SessionLink(IActorRef connection, GatewayWiring wiring)
{
    /// <summary>Sends <paramref name="request"/> on connection <paramref name="epoch"/> only.</summary>
    public Task<T> AskAsync<T>(IMessage request, int epoch)
        where T : class, IMessage
    {
        var pending = Create<T>(request);
        pending.BoundTo = epoch;
        connection.Tell(pending);
        return pending.Task;
    }

    /// <summary>A request under the configured timeout, not yet sent.</summary>
    public PendingRequest<T> Create<T>(IMessage request)
        where T : class, IMessage
    {
        var settings = wiring.Settings;
        return new PendingRequest<T>(request, RequestInfo.Of(request), wiring.Ids.Next(), settings.RequestTimeout,
            Deadlines.After(settings.TimeProvider, settings.RequestTimeout));
    }
}
