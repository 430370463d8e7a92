namespace ActorGateway.Hosting;

/// <summary>
/// The Akka.Hosting registry key of the unnamed hosted session's actor (<see cref="Session.IGatewaySession.Actor"/>):
/// inject <c>IRequiredActor&lt;ActorGatewaySessionKey&gt;</c> and Tell it requests, <c>StartSession</c>,
/// <c>ChangeSubscription</c> or <c>SubscribeEvents</c>.
/// </summary>
public sealed class ActorGatewaySessionKey
{
    private ActorGatewaySessionKey()
    {
    }
}
