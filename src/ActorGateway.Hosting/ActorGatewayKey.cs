namespace ActorGateway.Hosting;

/// <summary>
/// The Akka.Hosting registry key of the unnamed gateway's actor (<see cref="GatewayClient.Gateway"/>): inject
/// <c>IRequiredActor&lt;ActorGatewayKey&gt;</c>, or ask <c>ActorRegistry.Get&lt;ActorGatewayKey&gt;()</c>. A gateway
/// registered with a key type of its own (<c>WithActorGateway&lt;TKey&gt;</c>, <c>AddActorGateway&lt;TKey&gt;</c>) is found
/// under that type instead.
/// </summary>
public sealed class ActorGatewayKey
{
    private ActorGatewayKey()
    {
    }
}
