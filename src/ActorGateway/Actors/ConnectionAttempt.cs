using ActorGateway.Transport;
using Akka.Actor;

namespace ActorGateway.Actors;

/// <summary>
/// One connection attempt, run off the actor's turn (so it keeps serving timeouts and cancellations meanwhile), whose
/// outcome is told to the actor: <see cref="TransportOpened"/> or <see cref="ConnectAttemptFailed"/>, never an exception.
/// </summary>
internal static class ConnectionAttempt
{
    /// <param name="factory">Opens the transport.</param>
    /// <param name="endpoint">Where to.</param>
    /// <param name="attempt">The attempt's number, told back with its outcome.</param>
    /// <param name="connectTimeout">How long it may take, for the wording of a timeout.</param>
    /// <param name="actor">Who hears the outcome.</param>
    /// <param name="abandon">Cancelled when the attempt took too long or the actor stopped.</param>
    public static void Start(ITransportFactory factory, GatewayEndpoint endpoint, int attempt, TimeSpan connectTimeout,
        IActorRef actor, CancellationToken abandon) => _ = Task.Run(async () =>
    {
        var outcome = await RunAsync(factory, endpoint, attempt, connectTimeout, abandon).ConfigureAwait(false);
        if (outcome is TransportOpened late && abandon.IsCancellationRequested)
        {
            // Abandoned just as it opened: nobody will take this transport.
            await late.Transport.DisposeAsync().ConfigureAwait(false);
            return;
        }

        actor.Tell(outcome);
    }, CancellationToken.None);

    private static async Task<object> RunAsync(ITransportFactory factory, GatewayEndpoint endpoint, int attempt,
        TimeSpan connectTimeout, CancellationToken abandon)
    {
        try
        {
            var transport = await factory.ConnectAsync(endpoint.Host, endpoint.Port, abandon).ConfigureAwait(false);
            return new TransportOpened(transport, endpoint, attempt);
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            return new ConnectAttemptFailed(new GatewayConnectionException(ConnectionFailureKind.ConnectFailed,
                $"Connecting to {endpoint} took longer than {connectTimeout.TotalSeconds:0.###} s."), endpoint, attempt);
        }
        catch (GatewayConnectionException e)
        {
            return new ConnectAttemptFailed(e, endpoint, attempt);
        }
        catch (Exception e)
        {
            return new ConnectAttemptFailed(new GatewayConnectionException(ConnectionFailureKind.ConnectFailed,
                $"Could not connect to {endpoint}: {e.Message}", e), endpoint, attempt);
        }
    }
}
