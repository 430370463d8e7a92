namespace ActorGateway.Actors;

/// <summary>Anything the connection actor's mailbox accepts.</summary>
internal interface IConnectionMessage
{
}
