using Akka.Actor;

namespace ActorGateway.State;

/// <summary>Asks a state actor from Task code, with the session's timeout turned into the gateway's exception.</summary>
internal static class StateQuery
{
    public static async Task<T> AskAsync<T>(IActorRef actor, object query, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await actor.Ask<T>(query, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            throw new GatewayTimeoutException(what, timeout, written: false);
        }
    }
}
